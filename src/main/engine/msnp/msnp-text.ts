// Percent-decoding of MSNP text parameters (nicknames, group names, msnobj, font names).
// MSNP escapes with %XX over UTF-8 bytes; '+' is a literal plus, not a space. Malformed or
// truncated escapes are kept as sent rather than replaced, so nothing is silently lost.

const ESCAPE_RUN = /(?:%[0-9A-Fa-f]{2})+/g;

/** Length of the UTF-8 sequence a lead byte starts, 0 when it cannot start one. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** Decodes one run of escapes sequence by sequence (linear), keeping invalid ones raw. */
function decodeRun(run: string): string {
  const count = run.length / 3;
  const bytes = new Array<number>(count);
  for (let k = 0; k < count; k++) bytes[k] = parseInt(run.slice(3 * k + 1, 3 * k + 3), 16);
  let out = '';
  let k = 0;
  while (k < count) {
    const len = sequenceLength(bytes[k]);
    if (len > 0 && k + len <= count) {
      try {
        out += decodeURIComponent(run.slice(3 * k, 3 * (k + len)));
        k += len;
        continue;
      } catch {
        // invalid continuation bytes or an overlong form: kept raw below
      }
    }
    out += run.slice(3 * k, 3 * k + 3);
    k++;
  }
  return out;
}

/** Decodes %XX escapes (UTF-8); invalid escapes stay as they were. */
export function decodeMsnpText(s: string): string {
  if (!s.includes('%')) return s;
  return s.replace(ESCAPE_RUN, decodeRun);
}
