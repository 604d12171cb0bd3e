// The command tree of one MSNP command for the detail view: the command and its named
// parameters (msnp/describe-command.ts), its transaction (request/response frame, latency),
// connection and session, then the body: MIME messages through message/describe-message.ts,
// P2P bodies through p2p/describe-p2p-body.ts, XML and other text bodies line by line.
// Secrets are redacted unless asked for.
// Byte ranges, when the framer knew the command's length, are relative to the command's first
// byte; the pipeline, which knows where the command sits in a frame, moves them there.

import type { TreeNode } from '../../../shared/model';
import { withField } from '../decode/tree-field';
import { parseMimeMessage } from '../message/parse-mime-message';
import { describeCommand } from '../msnp/describe-command';
import type { MsnpCommand } from '../msnp/msnp-command';
import { describeMessageWithP2p } from '../p2p/describe-p2p-body';
import { isSecretBody, REDACTED, redactCommand, scrubTree, secretIndexes } from './redaction';
import type { TransactionLink } from './transactions';

// UUM and UBM carry a MIME message like MSG's (yellows111 MSNP docs, "UUM").
const MIME_VERBS: ReadonlySet<string> = new Set(['MSG', 'SDG', 'NFY', 'PUT', 'DEL', 'UUM', 'UBM']);
const MAX_BODY_LINES = 200;
const MAX_LINE = 300;
const utf8 = new TextDecoder('utf-8');

export interface TreeContext {
  showSecrets: boolean;
  version: number | null;
  versionText: string | null;
  role: string;
  account: string | null;
  session: number | null;
  link: TransactionLink | undefined;
}

/** Shifts ranges by `by` bytes, or removes them when the shift is unknown (null). */
function shiftRanges(nodes: TreeNode[], by: number | null): void {
  const stack = [...nodes];
  while (stack.length > 0) {
    const node = stack.pop() as TreeNode;
    if (node.range) {
      if (by === null) delete node.range;
      else node.range = [node.range[0] + by, node.range[1]];
    }
    if (node.children) stack.push(...node.children);
  }
}

function textBody(body: Uint8Array): TreeNode[] {
  const text = utf8.decode(body.subarray(0, 64 * 1024));
  const lines = text.split(/\r?\n/);
  const nodes: TreeNode[] = [];
  for (const line of lines.slice(0, MAX_BODY_LINES)) {
    if (line === '') continue;
    nodes.push({ label: line.length > MAX_LINE ? `${line.slice(0, MAX_LINE)}… (${line.length} characters)` : line });
  }
  if (lines.length > MAX_BODY_LINES) nodes.push({ label: `… ${lines.length - MAX_BODY_LINES} more lines` });
  return nodes;
}

function bodyNodes(cmd: MsnpCommand, showSecrets: boolean): TreeNode[] {
  const body = cmd.body;
  if (!body || body.length === 0) return [];
  const title = `Body (${body.length} bytes)`;
  // The body is the command's last bytes: its start is known when the command's length is.
  const start = cmd.byteLength !== undefined ? cmd.byteLength - body.length : null;
  const range: [number, number] | undefined = start !== null ? [start, body.length] : undefined;
  if (!showSecrets && isSecretBody(cmd)) return [{ label: `${title}: ${REDACTED}`, range }];
  if (MIME_VERBS.has(cmd.verb)) {
    const children = describeMessageWithP2p(parseMimeMessage(body));
    shiftRanges(children, start);
    return [{ label: title, range, children }];
  }
  return [{ label: title, range, children: textBody(body) }];
}

function transactionNode(link: TransactionLink): TreeNode {
  if (link.kind === 'request') return { label: `[Response in frame ${link.frame}: ${link.verb}]`, linkedFrame: link.frame };
  const ms = link.latencyUs !== undefined ? `, ${(link.latencyUs / 1000).toFixed(3)} ms` : '';
  return { label: `[Reply to ${link.verb} ${link.trid} in frame ${link.frame}${ms}]`, linkedFrame: link.frame };
}

/** A named parameter; the transaction id and accounts are display-filter fields (msnp.trid, msnp.account). */
function paramNode(name: string, value: string): TreeNode {
  const node: TreeNode = { label: `${name}: ${value}` };
  if (name === 'TrID' && /^\d{1,10}$/.test(value)) return withField(node, 'msnp.trid', Number(value));
  if (name === 'account' && value !== '') return withField(node, 'msnp.account', value);
  return node;
}

export function commandTree(cmd: MsnpCommand, t: TreeContext, summary: string): TreeNode {
  const shown = t.showSecrets ? cmd : redactCommand(cmd);
  const description = describeCommand(shown, t.version);
  const children: TreeNode[] = [];
  if (cmd.verb) children.push(withField({ label: `Command: ${cmd.verb}` }, 'msnp.cmd', cmd.verb));
  for (const p of description.params) children.push(paramNode(p.name, p.value));
  if (cmd.malformed) children.push({ label: `Malformed: ${cmd.malformed}`, severity: 'warning' });
  if (t.link) children.push(transactionNode(t.link));
  const who = t.account ? `, ${t.account}` : '';
  children.push({ label: `[Connection: ${t.role}${t.versionText ? `, ${t.versionText}` : ''}${who}]` });
  if (t.session !== null) children.push(withField({ label: `[Session ${t.session}]` }, 'msnp.session', t.session));
  children.push(...bodyNodes(cmd, t.showSecrets));
  const direction = cmd.direction === 'c2s' ? 'client → server' : 'server → client';
  const root: TreeNode = { label: `MSNP (${direction}): ${summary}`, children };
  if (!t.showSecrets) scrubTree(root, secretIndexes(cmd).map((i) => cmd.params[i]).filter((s): s is string => s !== undefined));
  return root;
}
