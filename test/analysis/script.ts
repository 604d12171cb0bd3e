// Test helper: builds MsnpCommand sequences from a readable script and runs them through
// MsnpAnalysis. The fixtures/*.script files are copied from the real captures by
// fixtures/extract-script.py; unit tests write short scripts inline. Format:
//   conn <id> <client> <server> [http-gateway] [gw=NS|SB] [hint=<role>]
//   <frame>[@<tsUs>] <conn> <C|S>: <command line>
//   | <body line>          body of the command above, lines joined with CRLF (a final CRLF is
//   |                      added when the declared length says so)
//   |b64 <base64>          a binary body
//   close <conn> <frame>[@<tsUs>]   the connection ends
// Command lines are parsed by the framer's own parseCommandLine (verb, params, TrID).

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Role } from '../../src/shared/model';
import { ExpertLog } from '../../src/main/engine/analysis/expert-log';
import { MsnpAnalysis, type CommandAnnotation, type ConnectionOpen, type P2pSink } from '../../src/main/engine/analysis/msnp-analysis';
import type { MessageContext } from '../../src/main/engine/message/message-context';
import type { MimeMessage } from '../../src/main/engine/message/mime-message';
import type { MsnpCommand } from '../../src/main/engine/msnp/msnp-command';
import { parseCommandLine } from '../../src/main/engine/msnp/command-syntax';
import type { SessionEventLike } from '../../src/main/engine/p2p/session-event-like';

/** 2005-06-14T12:00:00Z in µs: frames without @tsUs are at BASE + frame ms. */
export const BASE_US = Date.UTC(2005, 5, 14, 12, 0, 0) * 1000;

export type ScriptStep =
  | { type: 'open'; open: ConnectionOpen }
  | { type: 'command'; connection: number; cmd: MsnpCommand }
  | { type: 'close'; connection: number; frame: number; tsUs: number };

const enc = new TextEncoder();

function bodyBytes(lines: string[], b64: string | null, declared: number | null, where: string): Uint8Array {
  if (b64 !== null) return Uint8Array.from(Buffer.from(b64, 'base64'));
  const joined = enc.encode(lines.join('\r\n'));
  const withEnd = enc.encode(`${lines.join('\r\n')}\r\n`);
  if (declared === null || declared === joined.length) return joined;
  if (declared === withEnd.length) return withEnd;
  throw new Error(`${where}: body is ${joined.length}/${withEnd.length} bytes, the line declares ${declared}`);
}

export function parseScript(text: string): ScriptStep[] {
  const steps: ScriptStep[] = [];
  const index = new Map<number, number>();
  const offsets = new Map<string, number>();
  let pending: { step: { type: 'command'; connection: number; cmd: MsnpCommand }; lines: string[]; b64: string | null; where: string } | null = null;
  const flush = (): void => {
    if (!pending) return;
    const { cmd } = pending.step;
    const last = cmd.params[cmd.params.length - 1];
    const declared = last !== undefined && /^\d+$/.test(last) ? Number(last) : null;
    if (pending.lines.length > 0 || pending.b64 !== null) cmd.body = bodyBytes(pending.lines, pending.b64, declared, pending.where);
    else if (declared === 0 && ['UUX', 'UBX', 'ADL', 'GCF', 'SDG', 'MSG'].includes(cmd.verb)) cmd.body = new Uint8Array(0);
    const key = `${pending.step.connection}:${cmd.direction}`;
    const offset = offsets.get(key) ?? 0;
    cmd.streamOffset = offset;
    offsets.set(key, offset + enc.encode(cmd.line).length + 2 + (cmd.body?.length ?? 0));
    steps.push(pending.step);
    pending = null;
  };
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const raw = lines[n].replace(/\r$/, '');
    const where = `script line ${n + 1}`;
    if (raw.startsWith('|')) {
      if (!pending) throw new Error(`${where}: body line without a command`);
      if (raw.startsWith('|b64 ')) pending.b64 = raw.slice(5);
      else pending.lines.push(raw.startsWith('| ') ? raw.slice(2) : raw.slice(1));
      continue;
    }
    flush();
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (trimmed.startsWith('conn ')) {
      const [, id, client, server, ...flags] = trimmed.split(/\s+/);
      const open: ConnectionOpen = { id: Number(id), client, server, transport: flags.includes('http-gateway') ? 'http-gateway' : 'tcp', firstFrame: 0, tsUs: BASE_US };
      for (const flag of flags) {
        if (flag.startsWith('gw=')) open.gatewayServer = flag.slice(3) as 'NS' | 'SB';
        if (flag.startsWith('hint=')) open.roleHint = flag.slice(5) as Role;
      }
      steps.push({ type: 'open', open });
      continue;
    }
    if (trimmed.startsWith('close ')) {
      const [, id, at] = trimmed.split(/\s+/);
      const [frame, ts] = at.split('@').map(Number);
      steps.push({ type: 'close', connection: Number(id), frame, tsUs: ts ?? BASE_US + frame * 1000 });
      continue;
    }
    const m = /^(\d+)(?:@(\d+))? (\d+) ([CS]): (.*)$/.exec(raw);
    if (!m) throw new Error(`${where}: cannot read "${raw}"`);
    const frame = Number(m[1]);
    const tsUs = m[2] !== undefined ? Number(m[2]) : BASE_US + frame * 1000;
    const connection = Number(m[3]);
    const direction = m[4] === 'C' ? 'c2s' : 's2c';
    const line = m[5];
    const parsed = parseCommandLine(line, direction, null);
    const i = index.get(connection) ?? 0;
    index.set(connection, i + 1);
    const cmd: MsnpCommand = { index: i, direction, verb: parsed.verb, trid: parsed.trid, params: parsed.params, line, body: null, frames: [frame], frame, tsUs, streamOffset: 0 };
    if (parsed.malformed) cmd.malformed = parsed.malformed;
    pending = { step: { type: 'command', connection, cmd }, lines: [], b64: null, where };
  }
  flush();
  // A connection opens at its first command unless the script says otherwise.
  for (const step of steps) {
    if (step.type !== 'open') continue;
    const first = steps.find((s) => s.type === 'command' && s.connection === step.open.id);
    if (first && first.type === 'command') {
      step.open.firstFrame = first.cmd.frame;
      step.open.tsUs = first.cmd.tsUs;
    }
  }
  return steps;
}

/** A P2P layer that records what it is given and answers with `reply`. */
export class RecordingP2p implements P2pSink {
  readonly invitations: MessageContext[] = [];
  readonly p2p: MessageContext[] = [];
  readonly slp: MessageContext[] = [];
  constructor(private readonly reply: SessionEventLike | null = null) {}
  onInvitation(ctx: MessageContext, _message: MimeMessage): SessionEventLike | null {
    this.invitations.push({ ...ctx, to: [...ctx.to] });
    return this.reply;
  }
  onP2pMessage(ctx: MessageContext, _message: MimeMessage): SessionEventLike | null {
    this.p2p.push({ ...ctx, to: [...ctx.to] });
    return this.reply;
  }
  onSlpMessage(ctx: MessageContext, _message: MimeMessage): SessionEventLike | null {
    this.slp.push({ ...ctx, to: [...ctx.to] });
    return this.reply;
  }
}

export interface ScriptRun {
  analysis: MsnpAnalysis;
  expert: ExpertLog;
  p2p: RecordingP2p;
  annotations: Array<{ connection: number; cmd: MsnpCommand; annotation: CommandAnnotation }>;
  /** The annotation of the command completed in `frame` (the first one when there are several). */
  at(frame: number): CommandAnnotation;
}

export function runScript(text: string, options: { showSecrets?: boolean; p2p?: RecordingP2p; finish?: boolean } = {}): ScriptRun {
  const expert = new ExpertLog();
  const p2p = options.p2p ?? new RecordingP2p();
  const analysis = new MsnpAnalysis({ showSecrets: options.showSecrets ?? false, expert, p2p });
  const annotations: ScriptRun['annotations'] = [];
  for (const step of parseScript(text)) {
    if (step.type === 'open') analysis.openConnection(step.open);
    else if (step.type === 'close') analysis.closeConnection(step.connection, step.frame, step.tsUs);
    else annotations.push({ connection: step.connection, cmd: step.cmd, annotation: analysis.command(step.connection, step.cmd) });
  }
  if (options.finish ?? true) analysis.finish();
  return {
    analysis,
    expert,
    p2p,
    annotations,
    at(frame: number): CommandAnnotation {
      const found = annotations.find((a) => a.cmd.frame === frame);
      if (!found) throw new Error(`no command in frame ${frame}`);
      return found.annotation;
    },
  };
}

/** A script copied from a real capture (test/analysis/fixtures/<name>.script). */
export function captureScript(name: string): string {
  return readFileSync(fileURLToPath(new URL(`./fixtures/${name}.script`, import.meta.url)), 'utf8');
}
