// What every mutator returns: the new bytes and a one-line description of what was done, which
// goes into a failing case's sidecar so a reader knows where to look.

export interface Mutated {
  bytes: Uint8Array;
  mutation: string;
}

/** The bytes with `insert` in place of bytes [from, to). */
export function splice(bytes: Uint8Array, from: number, to: number, insert: Uint8Array = new Uint8Array(0)): Uint8Array {
  const out = new Uint8Array(bytes.length - (to - from) + insert.length);
  out.set(bytes.subarray(0, from));
  out.set(insert, from);
  out.set(bytes.subarray(to), from + insert.length);
  return out;
}
