// Joins the chunks of one MSNSLP message (P2P session 0) before it is parsed: a long INVITE
// (a file context with a preview) spans several P2P messages. v1 chunks share the identifier and
// carry offset and total size; v2 chunks start with TF "first" and count down "data remaining".
// One scope per connection direction: TCP keeps chunks in order there, so chunks are appended.
// Spec: PROTOCOL.md "P2P / MSNSLP".

/** SLP messages larger than this are not believed (the biggest real ones carry a small preview). */
export const MAX_SLP_BYTES = 256 * 1024;
const MAX_OPEN = 64;

interface Open {
  parts: Uint8Array[];
  length: number;
  /** v1: the total size; v2: total computed from the first chunk. */
  total: number;
}

export type JoinOutcome = { data: Uint8Array } | { pending: true } | { error: string };

export class SlpChunkJoiner {
  private readonly open = new Map<string, Open>();

  /** A v1 session-0 chunk. */
  addV1(scope: string, identifier: number, offset: number, totalSize: number, data: Uint8Array): JoinOutcome {
    if (offset === 0 && data.length >= totalSize) return { data: data.subarray(0, totalSize) };
    if (totalSize > MAX_SLP_BYTES) return { error: `SLP message of ${totalSize} bytes is over the ${MAX_SLP_BYTES}-byte limit` };
    const key = `${scope}|${identifier}`;
    return this.append(key, offset === 0, offset, totalSize, data);
  }

  /** A v2 session-0 chunk: `first` from TF bit 1, `remaining` from the data-remaining TLV. */
  addV2(scope: string, first: boolean, remaining: number | null, data: Uint8Array): JoinOutcome {
    const left = remaining ?? 0;
    if (first && left === 0) return { data };
    const key = `${scope}|v2`;
    if (first) {
      if (data.length + left > MAX_SLP_BYTES) return { error: `SLP message of ${data.length + left} bytes is over the ${MAX_SLP_BYTES}-byte limit` };
      return this.append(key, true, 0, data.length + left, data);
    }
    const open = this.open.get(key);
    if (!open) return { error: 'SLP continuation chunk without its first chunk' };
    return this.append(key, false, open.total - left - data.length, open.total, data);
  }

  private append(key: string, first: boolean, offset: number, total: number, data: Uint8Array): JoinOutcome {
    let open = this.open.get(key);
    if (first) {
      if (!open && this.open.size >= MAX_OPEN) this.open.delete(this.open.keys().next().value as string);
      open = { parts: [], length: 0, total };
      this.open.set(key, open);
    }
    if (!open) return { error: `SLP chunk at offset ${offset} without its first chunk` };
    if (offset < open.length) return { pending: true };
    if (offset > open.length || open.total !== total) {
      this.open.delete(key);
      return { error: `SLP chunk at offset ${offset} does not follow the ${open.length} bytes received` };
    }
    const take = data.subarray(0, Math.min(data.length, open.total - open.length));
    open.parts.push(take.slice());
    open.length += take.length;
    if (open.length < open.total) return { pending: true };
    this.open.delete(key);
    const joined = new Uint8Array(open.total);
    let at = 0;
    for (const part of open.parts) {
      joined.set(part, at);
      at += part.length;
    }
    return { data: joined };
  }
}
