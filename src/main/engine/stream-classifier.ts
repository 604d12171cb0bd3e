// Decides what a TCP stream carries, from its ports and its first bytes: MSNP (on a configured
// port, or recognised by content on any other: switchboards and peers use other ports), MSNP over
// the HTTP gateway, a direct P2P connection, MSNFTP, or something we do not analyse.

import { looksLikeMsnp } from './msnp/msnp-detector';

export type StreamKind = 'msnp' | 'http' | 'p2p-direct' | 'msnftp' | 'other';
export type Verdict = StreamKind | 'need-more';

/** Enough bytes to decide; a stream that says nothing recognisable by then is not ours. */
export const CLASSIFY_LIMIT = 512;

const ascii = (bytes: Uint8Array, n: number): string => {
  let s = '';
  const end = Math.min(n, bytes.length);
  for (let i = 0; i < end; i++) s += String.fromCharCode(bytes[i]);
  return s;
};

const HTTP_START = /^(POST|GET|HTTP\/1\.[01]) /;
// `VER MSNFTP` (MSN Messenger, aMSN, Miranda); Trillian lists other versions first (l7-filter).
const MSNFTP_START = /^VER (?:\S+ )*MSNFTP/;

/**
 * Classify by port first (cheap, certain for configured MSNP ports), then by content of the
 * first bytes of either direction.
 */
export function classifyByPorts(ports: [number, number], msnpPorts: ReadonlySet<number>, httpPorts: ReadonlySet<number>): StreamKind | null {
  if (msnpPorts.has(ports[0]) || msnpPorts.has(ports[1])) return 'msnp';
  if (httpPorts.has(ports[0]) || httpPorts.has(ports[1])) return 'http';
  return null;
}

export function classifyByContent(first: Uint8Array, fromInitiator: boolean, heuristics: boolean): Verdict {
  if (first.length === 0) return 'need-more';
  const head = ascii(first, 16);
  if (HTTP_START.test(head)) return 'http';
  if (MSNFTP_START.test(head)) return 'msnftp';
  // Direct P2P: each packet is prefixed by a 4-byte little-endian length; the first is "foo\0".
  if (first.length >= 8 && first[0] === 4 && first[1] === 0 && first[2] === 0 && first[3] === 0 && head.slice(4, 8) === 'foo\0') {
    return 'p2p-direct';
  }
  if (first.length < 8 && first[0] === 4) return 'need-more';
  if (!heuristics) return 'other';
  const verdict = looksLikeMsnp(first, fromInitiator);
  if (verdict === 'yes') return 'msnp';
  if (verdict === 'no') return 'other';
  return first.length >= CLASSIFY_LIMIT ? 'other' : 'need-more';
}
