// TCP sequence-number arithmetic modulo 2^32 (RFC 9293 §3.4, RFC 1982 serial numbers): every
// comparison goes through a signed 32-bit difference so streams that wrap past 0xFFFFFFFF keep
// their order, as in gopacket's Sequence.Difference.

/** Signed distance from `b` to `a` (positive when `a` is after `b`), valid while |a - b| < 2^31. */
export function seqDiff(a: number, b: number): number {
  return (a - b) | 0;
}

/** `seq + n` wrapped to an unsigned 32-bit sequence number. */
export function seqAdd(seq: number, n: number): number {
  return (seq + n) >>> 0;
}
