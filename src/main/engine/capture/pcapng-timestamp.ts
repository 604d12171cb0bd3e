// Converts pcapng 64-bit timestamps (two 32-bit halves, in units of the interface's if_tsresol,
// plus if_tsoffset seconds) to integer microseconds since the epoch, truncating finer units.
// Spec: https://datatracker.ietf.org/doc/draft-ietf-opsawg-pcapng/ §4.2 (if_tsresol, if_tsoffset).
// Numbers above 2^53 lose precision, so finer-than-µs units are divided without forming the full
// 64-bit value; rare resolutions (binary, very fine) fall back to BigInt.

export type TimestampToUs = (high: number, low: number) => number;

const TWO_32 = 4294967296;

/** `tsresol` is the raw option byte: MSB clear → 10^-n seconds, MSB set → 2^-n seconds. */
export function timestampConverter(tsresol: number, offsetSeconds: number): TimestampToUs {
  const offsetUs = offsetSeconds * 1_000_000;
  if (tsresol & 0x80) {
    const shift = BigInt(tsresol & 0x7f);
    return (high, low) => Number(((BigInt(high) * 4294967296n + BigInt(low)) * 1_000_000n) >> shift) + offsetUs;
  }
  const decimals = tsresol;
  if (decimals === 6) return (high, low) => high * TWO_32 + low + offsetUs;
  if (decimals < 6) {
    const multiplier = 10 ** (6 - decimals);
    return (high, low) => (high * TWO_32 + low) * multiplier + offsetUs;
  }
  const divisor = 10 ** (decimals - 6);
  if (divisor <= 2 ** 20) {
    // high·2^32 + low = high·(q·d + r) + low, so ⌊…/d⌋ = high·q + ⌊(high·r + low)/d⌋, all exact.
    const quotient = Math.floor(TWO_32 / divisor);
    const remainder = TWO_32 % divisor;
    return (high, low) => high * quotient + Math.floor((high * remainder + low) / divisor) + offsetUs;
  }
  const bigDivisor = 10n ** BigInt(decimals - 6);
  return (high, low) => Number((BigInt(high) * 4294967296n + BigInt(low)) / bigDivisor) + offsetUs;
}
