// Readable text report: a summary, then every switchboard transcript, offline messages, presence, contacts,
// P2P endpoints, files and expert notes. Meant for a terminal; captured text is printed with
// control characters made visible so a capture cannot drive the terminal (escape sequences).

import type { AnalysisResult, PresenceObserver, SessionRecord } from '../../shared/model';
import { escapeMarker, showInvisible } from '../../shared/visible-text';
import { transferFateText } from './transfer-text';

/** Captured text with controls, bidi and zero-width characters as `\u{…}` escapes: it must not drive the terminal. */
export function safeText(s: string): string {
  return showInvisible(s, escapeMarker);
}

/** "alice@example.com (#1, frame 66), #3 (frame 70)": who saw a presence change. */
export function observersText(seenBy: readonly PresenceObserver[]): string {
  return seenBy.map((o) => `${o.account ? `${o.account} (#${o.connection}, ` : `#${o.connection} (`}frame ${o.frame})`).join(', ');
}

/** "12:00:01" from an ISO time, for compact transcripts. */
function clockOf(iso: string): string {
  return iso.slice(11, 19);
}

function section(title: string): string {
  return `\n== ${title} ${'='.repeat(Math.max(0, 70 - title.length))}\n`;
}

function transcript(s: SessionRecord): string[] {
  const out: string[] = [];
  const who = s.participants.map((p) => (p.nick && p.nick !== p.account ? `${safeText(p.nick)} <${p.account}>` : p.account)).join(', ');
  out.push(`Session ${s.id}${s.sbSessionId ? ` (switchboard ${s.sbSessionId})` : ''}: ${who || 'no participants seen'}`);
  out.push(`  connections ${s.connections.join(', ')} · ${s.messages.length} messages · ${s.typing} typing notifications${s.startTime ? ` · ${s.startTime} → ${s.endTime ?? '?'}` : ''}`);
  type Line = { frame: number; text: string };
  const lines: Line[] = s.messages.map((m) => ({ frame: m.frame, text: `  [${clockOf(m.time)}] ${safeText(m.nick || m.from)} <${m.from}>: ${safeText(m.text)}` }));
  for (const e of s.events ?? []) {
    if (e.kind === 'typing' || e.kind === 'message') continue;
    lines.push({ frame: e.frame, text: `  [${clockOf(e.time)}] * ${e.kind}${e.account ? ` ${e.account}` : ''}${e.detail ? `: ${safeText(e.detail)}` : ''}` });
  }
  lines.sort((a, b) => a.frame - b.frame);
  for (const l of lines) out.push(l.text);
  return out;
}

export function textReport(result: AnalysisResult): string {
  const out: string[] = [];
  out.push('MSNP analysis');
  for (const c of result.captures) {
    out.push(`  ${c.path}: ${c.format}${c.gzip ? ' (gzip)' : ''}, ${c.frames} frames${c.damage ? ` — DAMAGED at offset ${c.damage.offset}: ${c.damage.message}` : ''}`);
  }
  const commands = Object.values(result.commandCounts).reduce((a, b) => a + b, 0);
  out.push(`  ${result.frames} frames, ${commands} MSNP commands, ${result.connections.length} connections, ${result.sessions.length} sessions, ${result.endpoints.length} P2P endpoints, ${result.files.length} files`);

  out.push(section('Connections'));
  for (const c of result.connections) {
    const p = c.peer;
    const version = p ? (p.protocol === 'msnftp' ? 'MSNFTP' : `P2P v${p.p2pVersion ?? '?'}`) : `${c.version ?? '?'}${c.versionSource === 'inferred' ? ' (inferred)' : ''}`;
    const who = p ? `${p.accounts.client ?? '?'} → ${p.accounts.server ?? '?'}${p.accountsFrom ? ` (by ${p.accountsFrom})` : ''}` : (c.account ?? '-');
    out.push(`  #${c.id} ${c.role.padEnd(12)} ${c.client} → ${c.server}  ${version}  ${who}  frames ${c.firstFrame}–${c.lastFrame}${c.transport === 'http-gateway' ? '  via HTTP gateway' : ''}`);
    if (p) {
      const endpoint = p.endpoint ? `endpoint ${p.endpoint.address}:${p.endpoint.port} (frame ${p.endpoint.frame}, matched by ${p.endpoint.matchedBy})` : 'no offered endpoint matched';
      out.push(`      ${endpoint}${p.nonce ? `, nonce ${p.nonce}` : ''}; ${p.packets.c2s} frames ${p.bytes.c2s} bytes →, ${p.packets.s2c} frames ${p.bytes.s2c} bytes ←`);
    }
  }
  out.push(section('Transcripts'));
  if (!result.sessions.length) out.push('  (no switchboard sessions)');
  for (const s of result.sessions) out.push(...transcript(s), '');

  if (result.offlineMessages.length) {
    out.push(section('Offline messages'));
    for (const m of result.offlineMessages) {
      const from = m.nick && m.nick !== m.from ? `${safeText(m.nick)} <${m.from ?? '?'}>` : (m.from ?? '?');
      const text = m.text === null ? '(text not in the capture)' : safeText(m.text);
      out.push(`  [${clockOf(m.time)}] frame ${m.frame} ${m.source}: ${from} → ${m.to ?? '?'}${m.sentTime ? ` (sent ${safeText(m.sentTime)})` : ''}: ${text}`);
    }
  }

  if (result.presence.length) {
    out.push(section('Presence'));
    for (const p of result.presence) {
      out.push(`  [${clockOf(p.time)}] frame ${p.frame}: ${p.account} ${p.status}${p.nick ? ` "${safeText(p.nick)}"` : ''}${p.personalMessage ? ` — ${safeText(p.personalMessage)}` : ''} (seen by ${observersText(p.seenBy)})`);
    }
  }
  if (result.contacts.length) {
    out.push(section('Contacts'));
    for (const c of result.contacts) out.push(`  ${c.account} "${safeText(c.nick)}" groups: ${c.groups.map(safeText).join(', ') || '-'}`);
  }
  if (result.endpoints.length) {
    out.push(section('P2P endpoints'));
    for (const e of result.endpoints) {
      out.push(`  frame ${e.frame}: ${e.kind} ${e.transport} ${e.address}:${e.port}${e.scope ? ` (${e.scope})` : ''} offered by ${e.offeredBy ?? '?'} to ${e.offeredTo ?? '?'}, ${e.status}${e.file ? `, file ${safeText(e.file.name)} (${e.file.size} bytes)` : ''}, ${e.observed ? 'connection observed' : 'no connection seen'} [${e.source}]`);
    }
  }
  if (result.files.length) {
    out.push(section('Files'));
    for (const f of result.files) {
      const confirmed = f.confirmed ? ` confirmed by ${f.confirmed.by ?? '?'} (${f.confirmed.how}, frame ${f.confirmed.frame})` : '';
      out.push(`  frame ${f.frame}: ${f.kind} ${safeText(f.name)} ${f.size} bytes sha1 ${f.sha1 ?? '-'} ${f.from ?? '?'} → ${f.to ?? '?'}${f.complete ? '' : ' INCOMPLETE'}${confirmed}${f.extractedTo ? ` → ${f.extractedTo}` : ''}${f.nameWarning ? ` ⚠ ${f.nameWarning}` : ''}`);
    }
  }
  if (result.transfers.length) {
    out.push(section('Transfers'));
    for (const t of result.transfers) out.push(`  frame ${t.frame}: ${transferFateText(t, safeText(t.name ?? ''))}`);
  }
  if (result.expert.length) {
    out.push(section('Expert notes'));
    for (const e of result.expert) out.push(`  frame ${e.frame} ${e.severity}: ${safeText(e.message)}`);
  }
  // Fields not passed through safeText (accounts, addresses) come from the capture too: no
  // control character but the report's own line feeds reaches the terminal.
  return showInvisible(out.join('\n'), escapeMarker, '\n') + '\n';
}
