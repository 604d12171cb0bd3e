// Joins byte chunks collected across pushes into one buffer, copying once; a single chunk is
// returned as is (it was already copied when it was kept).

export function concatBytes(parts: readonly Uint8Array[], total?: number): Uint8Array {
  if (parts.length === 1 && (total === undefined || total === parts[0].length)) return parts[0];
  let length = total;
  if (length === undefined) {
    length = 0;
    for (const p of parts) length += p.length;
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    if (at >= length) break;
    const n = Math.min(p.length, length - at);
    out.set(n === p.length ? p : p.subarray(0, n), at);
    at += n;
  }
  return out;
}
