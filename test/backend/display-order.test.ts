// The back end's display order over a packet table built from hand-made frames: sorting is stable
// (ties keep frame order, descending reverses it), a filter keeps applying to frames appended
// later, a sort merges appended frames in and bumps the version (rows moved), positions are found
// both ways, a bad filter keeps the previous view, and sorting by Info is bounded.
import { describe, expect, it } from 'vitest';
import { DisplayOrder } from '../../src/main/backend/display-order';
import { PacketTable } from '../../src/main/backend/packet-table';
import type { DecodedPacket } from '../../src/main/engine/decode/decoded-packet';

/** Frame n: TCP from 10.0.0.<src> port 1000+n, `len` bytes on the wire, payload `payload` bytes. */
function add(table: PacketTable, spec: { src: number; len: number; payload?: number; tsUs?: number }): void {
  const number = table.size + 1;
  const pkt: DecodedPacket = {
    ipVersion: 4, src: `10.0.0.${spec.src}`, dst: '10.0.0.99', protocol: 6, srcPort: 1000 + number, dstPort: 1863,
    tcp: { seq: number, ack: 0, flags: 0x18, window: 512 }, payload: new Uint8Array(spec.payload ?? 0),
  };
  table.add({ number, captureIndex: 0, fileOffset: number * 100, tsUs: spec.tsUs ?? number * 1000, linkType: 1, originalLength: spec.len, data: new Uint8Array(spec.len) },
    0, { pkt, stream: number % 2, commands: [], streamProtocol: null, connection: undefined, session: null });
}

function shown(table: PacketTable, order: DisplayOrder): number[] {
  order.catchUp();
  return Array.from({ length: order.displayed }, (_, p) => order.frameAt(p) + 1);
}

function table(lengths: number[], src: (n: number) => number = () => 1): PacketTable {
  const t = new PacketTable();
  lengths.forEach((len, i) => add(t, { src: src(i + 1), len }));
  return t;
}

describe('DisplayOrder', () => {
  it('shows every frame in frame order without an index array, growing as frames arrive', () => {
    const t = table([60, 70]);
    const order = new DisplayOrder(t);
    expect(shown(t, order)).toEqual([1, 2]);
    add(t, { src: 1, len: 80 });
    expect(shown(t, order)).toEqual([1, 2, 3]);
    expect(order.positionOf(2)).toBe(2);
    expect(order.positionOf(3)).toBe(-1);
  });

  it('sorts stably by length, ties in frame order; descending reverses the whole order', () => {
    const t = table([70, 60, 70, 60, 80]);
    const order = new DisplayOrder(t);
    expect(order.setView('', { column: 'length', desc: false }).ok).toBe(true);
    expect(shown(t, order)).toEqual([2, 4, 1, 3, 5]);
    order.setView('', { column: 'length', desc: true });
    expect(shown(t, order)).toEqual([5, 3, 1, 4, 2]);
    // Positions are found in a sorted order too.
    expect(order.positionOf(3 - 1)).toBe(1);
  });

  it('sorts addresses as text (10.0.0.10 before 10.0.0.9)', () => {
    const t = table([60, 60, 60], (n) => [9, 10, 2][n - 1]);
    const order = new DisplayOrder(t);
    order.setView('', { column: 'source', desc: false });
    expect(shown(t, order)).toEqual([2, 3, 1]);
  });

  it('keeps applying a filter to frames appended later, in frame order', () => {
    const t = table([60, 60, 60, 60], (n) => (n % 2 ? 1 : 2));
    const order = new DisplayOrder(t);
    expect(order.setView('ip.src == 10.0.0.2', null)).toMatchObject({ ok: true, counts: { frames: 4, displayed: 2 } });
    const version = order.counts().version;
    for (let n = 5; n <= 8; n++) add(t, { src: n % 2 ? 1 : 2, len: 60 });
    expect(shown(t, order)).toEqual([2, 4, 6, 8]);
    // Appending to an unsorted order moves no row: cached pages stay valid.
    expect(order.counts().version).toBe(version);
    expect(order.positionOf(5)).toBe(2);
    expect(order.positionOf(4)).toBe(-1);
  });

  it('merges appended frames into a sorted order and bumps the version', () => {
    const t = table([70, 90]);
    const order = new DisplayOrder(t);
    order.setView('', { column: 'length', desc: false });
    const version = order.counts().version;
    add(t, { src: 1, len: 80 });
    add(t, { src: 1, len: 60 });
    expect(shown(t, order)).toEqual([4, 1, 3, 2]);
    expect(order.counts().version).toBeGreaterThan(version);
  });

  it('filters and sorts together', () => {
    const t = table([90, 60, 80, 70], (n) => (n === 2 ? 2 : 1));
    const order = new DisplayOrder(t);
    order.setView('ip.src == 10.0.0.1 && frame.number >= 1', { column: 'length', desc: true });
    expect(shown(t, order)).toEqual([1, 3, 4]);
  });

  it('keeps the previous view when a filter does not compile', () => {
    const t = table([60, 60, 60], (n) => n);
    const order = new DisplayOrder(t);
    order.setView('ip.src == 10.0.0.3', null);
    expect(order.setView('ip.src ==', null)).toEqual({ ok: false, error: "expected value after '=='", position: 9 });
    expect(shown(t, order)).toEqual([3]);
  });

  it('refuses to sort by Info beyond its bound, and sorts below it', () => {
    const t = table([60, 60, 60]);
    const small = new DisplayOrder(t, 2);
    const refused = small.setView('', { column: 'info', desc: false });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error).toMatch(/limited to 2 shown packets \(3 are shown\)/);
    // Info is "<srcport> → 1863 …" with source ports 1001…1003: text order equals frame order.
    expect(small.setView('frame.number > 1', { column: 'info', desc: true }).ok).toBe(true);
    expect(shown(t, small)).toEqual([3, 2]);
  });
});
