// Interns the few distinct strings a packet list repeats millions of times (addresses, protocol
// names) so a frame stores a 32-bit id instead. Id 0 is the empty string.

export class StringTable {
  private readonly ids = new Map<string, number>([['', 0]]);
  private readonly strings: string[] = [''];

  id(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(text);
      this.ids.set(text, id);
    }
    return id;
  }

  text(id: number): string {
    return this.strings[id] ?? '';
  }

  get size(): number {
    return this.strings.length;
  }
}
