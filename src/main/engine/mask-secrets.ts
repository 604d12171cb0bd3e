// Masks login secrets in raw frame bytes shown to the user (the bytes pane), keeping every offset:
// each byte of a secret becomes '*'. A secret split across two frames is masked where the frame
// holds at least its first or last 12 bytes.

const STAR = 0x2a;
const PART = 12;
const encoder = new TextEncoder();

function indexOf(hay: Uint8Array, needle: Uint8Array, from: number): number {
  const first = needle[0];
  for (let i = hay.indexOf(first, from); i >= 0 && i + needle.length <= hay.length; i = hay.indexOf(first, i + 1)) {
    let j = 1;
    while (j < needle.length && hay[i + j] === needle[j]) j++;
    if (j === needle.length) return i;
  }
  return -1;
}

export function maskSecrets(data: Uint8Array, secrets: Iterable<string>): Uint8Array {
  let out: Uint8Array | null = null;
  const mask = (at: number, length: number) => {
    out ??= data.slice();
    out.fill(STAR, at, at + length);
  };
  for (const secret of secrets) {
    const bytes = encoder.encode(secret);
    for (let i = indexOf(data, bytes, 0); i >= 0; i = indexOf(data, bytes, i + bytes.length)) mask(i, bytes.length);
    if (bytes.length <= PART) continue;
    // The start of a secret at the end of the frame, or its end at the start of the frame.
    const head = bytes.subarray(0, PART);
    const tail = bytes.subarray(bytes.length - PART);
    for (let i = indexOf(data, head, Math.max(0, data.length - bytes.length)); i >= 0; i = indexOf(data, head, i + 1)) {
      const n = data.length - i;
      if (n < bytes.length && data.subarray(i, data.length).every((b, k) => b === bytes[k])) mask(i, n);
    }
    const t = indexOf(data, tail, 0);
    if (t >= 0 && t + PART < bytes.length) {
      const n = t + PART;
      if (data.subarray(0, n).every((b, k) => b === bytes[bytes.length - n + k])) mask(0, n);
    }
  }
  return out ?? data;
}
