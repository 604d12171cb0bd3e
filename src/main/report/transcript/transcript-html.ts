// A session's transcript as one self-contained HTML file that runs nothing: every captured string
// is escaped and isolated in <bdi>, with bidi, zero-width and control characters shown as
// ⟨U+202E⟩ markers as the window shows them (visible-text.ts); the page's Content-Security-Policy
// allows no script, no external resource and only its own inline style (by hash), so even a
// string that escaped escaping could not run or load anything.

import { createHash } from 'node:crypto';
import type { SessionRecord } from '../../../shared/model';
import { participantText, sessionSpan } from '../../../shared/session-summary';
import { invisibleParts } from '../../../shared/visible-text';
import { transcriptLinesForExport } from './transcript-json';

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:24px;color:#1d1d1f;background:#fff}
h1{font-size:18px;margin:0 0 4px}p.meta{color:#555;margin:0 0 16px}
table{border-collapse:collapse;width:100%}td{padding:3px 8px;vertical-align:top;border-bottom:1px solid #eee}
td.time{color:#777;white-space:nowrap;font-variant-numeric:tabular-nums}td.who{font-weight:600;white-space:nowrap}
td.text{white-space:pre-wrap;overflow-wrap:anywhere}tr.event td{color:#666;font-style:italic}
.hidden-char{color:#b00;background:#fee;border-radius:3px;font-size:11px;padding:0 2px}`;

const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');

/** The policy of the exported page: nothing but its own inline style. */
export const TRANSCRIPT_CSP = `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; img-src 'none'; script-src 'none'; base-uri 'none'; form-action 'none'`;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** A captured string: escaped, isolated, hidden characters as markers (`keep`: shown as they are, e.g. line breaks). */
function captured(s: string, keep = ''): string {
  const inner = invisibleParts(s, keep).map((p) => (p.codePoint === undefined ? escapeHtml(p.text) : `<span class="hidden-char">${escapeHtml(p.text)}</span>`)).join('');
  return `<bdi>${inner}</bdi>`;
}

export function transcriptHtml(session: SessionRecord): string {
  const span = sessionSpan(session);
  const who = session.participants.map((p) => captured(participantText(p))).join(', ') || 'no participants seen';
  const rows = transcriptLinesForExport(session).map((line) => {
    const sender = captured(line.nick || line.from || 'someone');
    const account = line.nick && line.from && line.nick !== line.from ? ` <span class="account">${captured(`<${line.from}>`)}</span>` : '';
    const text = line.kind === 'message' ? captured(line.text, '\r\n\t') : captured(line.text);
    return `<tr class="${line.kind === 'message' ? 'message' : 'event'}" data-frame="${line.frame}"><td class="time">${escapeHtml(line.time.slice(11, 19))}</td><td class="who">${sender}${account}</td><td class="text">${text}</td></tr>`;
  });
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(TRANSCRIPT_CSP)}">`,
    '<meta name="referrer" content="no-referrer">',
    `<title>Session ${session.id} transcript</title>`,
    `<style>${STYLE}</style>`,
    '</head><body>',
    `<h1>Session ${session.id}: ${who}</h1>`,
    `<p class="meta">${escapeHtml(span.start ? `${span.start} → ${span.end ?? '?'} (UTC)` : 'time not known')} · ${session.messages.length} messages · exported by MSNP Analyzer</p>`,
    '<table><tbody>',
    ...rows,
    '</tbody></table>',
    '</body></html>',
    '',
  ].join('\n');
}
