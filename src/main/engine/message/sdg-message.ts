// MSNP21+ multi-part messages (SDG, and the same shape in NFY/PUT/DEL): three header blocks —
// Routing (To, From), Reliability (Stream, Segment), then Messaging (or Publication /
// Notification) with Content-Type, Content-Length and Message-Type — then the body.
// Spec: PROTOCOL.md "Messages (… SDG in MSNP21)"; MSNPSharp MultiMimeMessage (block order).

import type { MimeMessage } from './mime-message';
import { findHeaderEnd, makeMimeMessage, parseHeaderBlock, type ParsedMimeMessage } from './parse-mime-message';

export interface HeaderBlock {
  headers: Array<[string, string]>;
  /** [offset, length] of each header line, relative to the MSNP payload. */
  ranges: Array<[number, number]>;
}

export interface SdgMessage {
  routing: HeaderBlock;
  reliability: HeaderBlock;
  /** The third block (Messaging, Publication or Notification) with the body: classify this one. */
  content: ParsedMimeMessage;
  /** Name of the third block's first header: "Messaging", "Publication", "Notification"… */
  contentKey: string | null;
  /** Routing To / From as sent, e.g. "1:bob@example.com;epid={…}". */
  to: string | null;
  from: string | null;
  /** Messaging Message-Type: Text, Control/Typing, Nudge, Signal/P2P, Data… */
  messageType: string | null;
  malformed?: string;
}

function lookup(headers: Array<[string, string]>, name: string): string | null {
  const lower = name.toLowerCase();
  for (let i = headers.length - 1; i >= 0; i--) if (headers[i][0].toLowerCase() === lower) return headers[i][1];
  return null;
}

/** `1:alice@example.com;epid={…}` → `alice@example.com` (network prefix and endpoint dropped). */
export function sdgAccount(address: string | null): string | null {
  if (!address) return null;
  const withoutEndpoint = address.split(';')[0];
  const colon = withoutEndpoint.indexOf(':');
  return (colon >= 0 && /^\d+$/.test(withoutEndpoint.slice(0, colon)) ? withoutEndpoint.slice(colon + 1) : withoutEndpoint).trim() || null;
}

/** True when the message starts with a Routing block (an SDG-style message). */
export function isSdgMessage(message: MimeMessage): boolean {
  return message.headers.length > 0 && message.headers[0][0].toLowerCase() === 'routing';
}

/** Splits an SDG-style message parsed by parseMimeMessage; null when it is not one. */
export function parseSdgMessage(message: MimeMessage): SdgMessage | null {
  if (!isSdgMessage(message)) return null;
  const ranges = 'headerRanges' in message ? (message as ParsedMimeMessage).headerRanges : [];
  const routing: HeaderBlock = { headers: message.headers, ranges };
  const rest = message.body;
  const base = message.bodyOffset;
  const problems: string[] = [];

  const reliabilityEnd = findHeaderEnd(rest, 0);
  const relEnd = reliabilityEnd < 0 ? rest.length : reliabilityEnd;
  if (reliabilityEnd < 0) problems.push('no blank line after the Reliability block');
  const rel = parseHeaderBlock(rest, 0, relEnd);
  const reliability: HeaderBlock = { headers: rel.headers, ranges: rel.ranges.map(([o, l]) => [o + base, l]) };

  const contentEnd = reliabilityEnd < 0 ? -1 : findHeaderEnd(rest, relEnd);
  if (reliabilityEnd >= 0 && contentEnd < 0) problems.push('no blank line after the Messaging block');
  const blockEnd = contentEnd < 0 ? rest.length : contentEnd;
  const inner = parseHeaderBlock(rest, relEnd, blockEnd);
  if (rel.problem) problems.push(rel.problem);
  if (inner.problem) problems.push(inner.problem);

  let body = rest.subarray(blockEnd);
  const declared = lookup(inner.headers, 'content-length');
  if (declared !== null && /^\d{1,10}$/.test(declared.trim())) {
    const length = Number(declared.trim());
    if (length < body.length) body = body.subarray(0, length);
    else if (length > body.length) problems.push(`Content-Length ${length} but only ${body.length} bytes follow`);
  }
  const content = makeMimeMessage(
    inner.headers,
    body,
    base + blockEnd,
    undefined,
    inner.ranges.map(([o, l]) => [o + base, l]),
  );
  const sdg: SdgMessage = {
    routing,
    reliability,
    content,
    contentKey: inner.headers.length > 0 ? inner.headers[0][0] : null,
    to: lookup(message.headers, 'to'),
    from: lookup(message.headers, 'from'),
    messageType: lookup(inner.headers, 'message-type'),
  };
  if (message.malformed) problems.unshift(message.malformed);
  if (problems.length > 0) sdg.malformed = problems.join('; ');
  return sdg;
}
