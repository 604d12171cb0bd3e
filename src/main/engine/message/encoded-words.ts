// RFC 2047 encoded words (`=?utf-8?B?Qm9i?=`, `=?utf-8?Q?Bob_B?=`): how offline messages carry
// the sender's friendly name (OIM mail data `N`, the OIM's `From:` header, Store2's
// friendlyName). Charsets other than the ones TextDecoder knows are left encoded, as sent.
// Spec: RFC 2047 §2–4; NINA wiki "MSNP13 Offline IM".

import { decoderFor } from './chat-text';

const WORD = /=\?([^?\s]{1,40})\?([BbQq])\?([^?\s]{0,4096})\?=/g;

function wordBytes(encoding: string, text: string): Uint8Array | null {
  if (encoding === 'B' || encoding === 'b') {
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null;
    return new Uint8Array(Buffer.from(text, 'base64'));
  }
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '_') out.push(0x20);
    else if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      out.push(Number.parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(c.charCodeAt(0) & 0xff);
  }
  return Uint8Array.from(out);
}

/** `value` with every encoded word decoded; whitespace between two adjacent encoded words dropped (§6.2). */
export function decodeEncodedWords(value: string): string {
  if (!value.includes('=?')) return value;
  return value.replace(/(\?=)\s+(?==\?)/g, '$1').replace(WORD, (whole, charset: string, encoding: string, text: string) => {
    const decoder = decoderFor(charset);
    const bytes = decoder ? wordBytes(encoding, text) : null;
    return decoder && bytes ? decoder.decode(bytes) : whole;
  });
}
