// Find Packet's tests, one per mode and scope (Wireshark's find bar): a display filter; a string
// in the packet list's columns, the packet details (tree text) or the bytes (UTF-8 "narrow",
// UTF-16LE "wide", or either; ASCII letters folded when not case sensitive, as Wireshark does);
// a hex value in the bytes; a regular expression over the columns, the tree text or the bytes
// (each byte one character). Built once per search; each test reads only what it needs.

import { compileFilter, type FramePredicate } from '../../shared/display-filter/compile-filter';
import type { FindQuery } from '../../shared/navigation';

/** What a test may read of a frame (by frame index); reads are lazy and may be slow (details). */
export interface FrameTexts {
  /** The packet list's columns for the frame (No., Source, Destination, Protocol, Length, Info). */
  columns(index: number): string[];
  /** Every label of the frame's packet details, null when they cannot be built. */
  details(index: number): Promise<string[] | null>;
  bytes(index: number): Uint8Array | null;
  /** The display filter's verdict on the frame. */
  filter(predicate: FramePredicate, index: number): boolean;
}

export type FrameTest = (index: number, texts: FrameTexts) => boolean | Promise<boolean>;

/** Turns "4d 53 47", "4d:53:47", "0x4d5347" or "4D-53-47" into bytes; null when it is not hex. */
export function parseHexValue(text: string): Uint8Array | null {
  const digits = text.trim().replace(/^0x/i, '').replace(/[\s:.-]/g, '');
  if (digits === '' || digits.length % 2 !== 0 || !/^[0-9a-f]+$/i.test(digits)) return null;
  const out = new Uint8Array(digits.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(digits.slice(i * 2, i * 2 + 2), 16);
  return out;
}

const foldAscii = (b: number): number => (b >= 0x41 && b <= 0x5a ? b | 0x20 : b);

/** Whether `hay` contains `needle`, folding ASCII letters when `fold`. */
export function bytesContain(hay: Uint8Array, needle: Uint8Array, fold: boolean): boolean {
  const n = needle.length;
  if (n === 0) return true;
  const first = fold ? foldAscii(needle[0]) : needle[0];
  outer: for (let i = 0; i + n <= hay.length; i++) {
    if ((fold ? foldAscii(hay[i]) : hay[i]) !== first) continue;
    for (let k = 1; k < n; k++) {
      const b = hay[i + k];
      if ((fold ? foldAscii(b) : b) !== (fold ? foldAscii(needle[k]) : needle[k])) continue outer;
    }
    return true;
  }
  return false;
}

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[i * 2] = c & 0xff;
    out[i * 2 + 1] = c >>> 8;
  }
  return out;
}

/** Bytes as a string of one character per byte, for a regex over binary data. */
function latin1(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return out;
}

/** The test for a query, or an error in words (bad filter, hex or expression). */
export function frameTest(query: FindQuery): { ok: true; test: FrameTest } | { ok: false; error: string } {
  const text = query.text;
  if (text === '') return { ok: false, error: 'nothing to find: type a value' };
  switch (query.mode) {
    case 'filter': {
      const compiled = compileFilter(text.trim());
      if (!compiled.ok) return { ok: false, error: `not a display filter: ${compiled.error}` };
      const predicate = compiled.predicate;
      return { ok: true, test: (i, t) => t.filter(predicate, i) };
    }
    case 'hex': {
      const needle = parseHexValue(text);
      if (!needle) return { ok: false, error: `'${text}' is not a hex value: write bytes such as 4d 53 47 or 4d:53:47` };
      return { ok: true, test: (i, t) => {
        const bytes = t.bytes(i);
        return bytes !== null && bytesContain(bytes, needle, false);
      } };
    }
    case 'regex': {
      let re: RegExp;
      try {
        re = new RegExp(text, query.caseSensitive ? '' : 'i');
      } catch (err) {
        return { ok: false, error: `not a regular expression: ${(err as Error).message}` };
      }
      return { ok: true, test: textTest(query, (s) => re.test(s), (b) => re.test(latin1(b))) };
    }
    case 'string': {
      const fold = !query.caseSensitive;
      const wanted = fold ? text.toLowerCase() : text;
      const needles: Uint8Array[] = [];
      if (query.encoding !== 'wide') needles.push(new TextEncoder().encode(text));
      if (query.encoding !== 'narrow') needles.push(utf16le(text));
      return { ok: true, test: textTest(query, (s) => (fold ? s.toLowerCase() : s).includes(wanted), (b) => needles.some((n) => bytesContain(b, n, fold))) };
    }
  }
}

function textTest(query: FindQuery, inText: (s: string) => boolean, inBytes: (b: Uint8Array) => boolean): FrameTest {
  switch (query.scope) {
    case 'list': return (i, t) => t.columns(i).some(inText);
    case 'bytes': return (i, t) => {
      const bytes = t.bytes(i);
      return bytes !== null && inBytes(bytes);
    };
    case 'details': return async (i, t) => (await t.details(i))?.some(inText) ?? false;
  }
}
