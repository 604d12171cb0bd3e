// A sink for the capture writers that keeps everything in memory (tests, small saves).
// For a Node Writable, pass `(bytes) => stream.write(bytes)` as the sink instead.

export class ByteCollector {
  private parts: Uint8Array[] = [];
  private length = 0;

  readonly sink = (bytes: Uint8Array): void => {
    this.parts.push(bytes);
    this.length += bytes.length;
  };

  toUint8Array(): Uint8Array {
    const all = new Uint8Array(this.length);
    let pos = 0;
    for (const part of this.parts) {
      all.set(part, pos);
      pos += part.length;
    }
    return all;
  }
}
