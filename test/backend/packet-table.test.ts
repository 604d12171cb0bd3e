// The back end's columnar packet list on the seven real captures: every row it pages out equals
// the row the engine's frameRow() builds for the same frame (the object-per-frame design it
// replaces), every frame's filter fields equal frameFields() where it has them, and figures read with tshark agree:
// frames per capture, and TCP segments without payload (`tshark -Y "tcp.len==0" | wc -l`), whose
// Info ends in "Len=0".
import { describe, expect, it } from 'vitest';
import { DisplayOrder } from '../../src/main/backend/display-order';
import { framePage } from '../../src/main/backend/frame-page';
import { BYTES_PER_FRAME, PacketTable, SPARSE_BYTES_PER_FRAME } from '../../src/main/backend/packet-table';
import type { CapturedFrame } from '../../src/main/engine/capture/captured-frame';
import type { FrameOutcome } from '../../src/main/engine/frame-summary';
import { analyzeCaptureFiles } from '../../src/main/engine/analyze-files';
import type { FrameFields } from '../../src/shared/display-filter/frame-fields';
import type { FrameRow } from '../../src/shared/model';
import { CAPTURES } from '../helpers/captures';

// tshark -r <capture> | wc -l, and tshark -r <capture> -Y "tcp.len==0" | wc -l
const TSHARK: Record<keyof typeof CAPTURES, { frames: number; emptyTcp: number }> = {
  wireshark2005: { frames: 364, emptyTcp: 0 },
  ppa2006: { frames: 50, emptyTcp: 25 },
  pecanChat: { frames: 293, emptyTcp: 139 },
  pecanFileTransfer: { frames: 332, emptyTcp: 135 },
  // 200 empty segments, but the FINs in frames 455 and 476 end an HTTP response whose body is
  // MSNP (Connection: close), so their Info is the commands they complete.
  pecanHttpGateway: { frames: 477, emptyTcp: 200 - 2 },
  msnp15Sso: { frames: 214, emptyTcp: 110 },
  msnp18Pidgin: { frames: 454, emptyTcp: 221 },
};

async function build(path: string) {
  const table = new PacketTable();
  const engineRows: FrameRow[] = [];
  const engineFields: FrameFields[] = [];
  await analyzeCaptureFiles([path], { collectFrames: true }, {
    frameRow: (row) => engineRows.push(row),
    frameFields: (f) => engineFields.push(f),
    frameAnalysed: (frame, outcome) => table.add(frame, 0, outcome),
  });
  return { table, engineRows, engineFields };
}

describe('PacketTable on the real captures', () => {
  for (const [name, path] of Object.entries(CAPTURES) as [keyof typeof CAPTURES, string][]) {
    it(`${name}: pages the engine's rows and fields, and agrees with tshark`, async () => {
      const { table, engineRows, engineFields } = await build(path);
      expect(table.size).toBe(TSHARK[name].frames);
      const order = new DisplayOrder(table);
      order.catchUp();
      const page = framePage(table, order, 0, 2000);
      const rows: FrameRow[] = page.number.map((number, i) => ({
        number, timeUs: page.timeUs[i], source: page.source[i], destination: page.destination[i], protocol: page.protocol[i],
        length: page.length[i], info: page.info[i], kind: page.kind[i], stream: page.stream[i],
        ...(page.connection[i] >= 0 ? { connection: page.connection[i] } : {}),
      }));
      expect(rows).toEqual(engineRows);
      expect(rows.filter((r) => r.protocol !== 'MSNP' && / Len=0$/.test(r.info))).toHaveLength(TSHARK[name].emptyTcp);
      const scratch: FrameFields = { number: 0 };
      for (let i = 0; i < table.size; i++) {
        // The fields frameFields() knows; those only the table fills (frame.len, tcp.seq…) are
        // checked against tshark's own filter in test/display-filter/filter-against-tshark.test.ts.
        const f = table.fields(i, scratch) as unknown as Record<string, unknown>;
        const known = ['number', 'ipSrc', 'ipDst', 'tcpSrcPort', 'tcpDstPort', 'tcpStream', 'msnp'];
        const defined = Object.fromEntries(known.filter((k) => f[k] !== undefined).map((k) => [k, f[k]]));
        expect(defined).toEqual(engineFields[i]);
      }
    });
  }

  it('fills only the core filter fields when asked (the common filters skip the rest of the work)', async () => {
    const { table } = await build(CAPTURES.ppa2006);
    const full = table.fields(3, { number: 0 });
    const core = table.fields(3, { number: 0 }, true);
    // Frame 4 is the client's USR 93 (an MSNP frame); the values themselves are checked above.
    expect(Object.keys(core).filter((k) => (core as unknown as Record<string, unknown>)[k] !== undefined).sort()).toEqual(['ipDst', 'ipSrc', 'msnp', 'number', 'tcpDstPort', 'tcpSrcPort', 'tcpStream']);
    expect(core).toMatchObject({ number: full.number, ipSrc: full.ipSrc, ipDst: full.ipDst, tcpSrcPort: full.tcpSrcPort, tcpStream: full.tcpStream, msnp: full.msnp });
    expect(full.length).toBe(table.length(3));
    expect(core.length).toBeUndefined();
  });

  it('costs a fixed few dozen bytes a frame in its columns', () => {
    expect(BYTES_PER_FRAME).toBeLessThanOrEqual(72);
  });

  it('keeps display-filter fields only for MSNP frames, answering the rest from its columns', async () => {
    const { table } = await build(CAPTURES.ppa2006);
    const order = new DisplayOrder(table);
    // tshark -Y "ip.src == 192.168.0.114" | wc -l → 26; -Y "tcp.len > 0 && tcp.port == 1863" → 25 segments,
    // of which the engine's framer completes commands in every one (msnp).
    expect(order.setView('ip.src == 192.168.0.114', null)).toMatchObject({ ok: true, counts: { displayed: 26 } });
    expect(order.setView('tcp.dstport == 1863 && ip.dst == 207.46.26.167', null)).toMatchObject({ ok: true, counts: { displayed: 26 } });
    expect(order.setView('msnp', null)).toMatchObject({ ok: true, counts: { displayed: 25 } });
  });
});

describe('PacketTable sparse columns', () => {
  // Frames built by hand: an Ethernet frame whose original length is its captured length, one cut
  // by a snap length (original 1514, 60 captured), a Linux cooked (link type 113) frame, and frames
  // of an MSNP connection; the sparse columns appear mid-chunk and past a chunk boundary.
  const frame = (number: number, linkType = 1, originalLength = 60): CapturedFrame => ({ number, captureIndex: 0, fileOffset: number * 100, tsUs: number, linkType, originalLength, data: new Uint8Array(60) });
  const outcome = (connection?: number): FrameOutcome => ({ pkt: null, stream: -1, commands: [], streamProtocol: null, connection, session: null });

  it('answers the usual value before a chunk needs a column, and each frame its own after', () => {
    const table = new PacketTable();
    const total = 65_536 + 10;
    const special = new Map<number, { linkType?: number; originalLength?: number; connection?: number }>([
      [5, { originalLength: 1514 }], [7, { linkType: 113 }], [9, { connection: 4 }], [65_536 + 3, { connection: 2, originalLength: 100 }],
    ]);
    for (let n = 1; n <= total; n++) {
      const s = special.get(n) ?? {};
      table.add(frame(n, s.linkType, s.originalLength), 0, outcome(s.connection));
    }
    for (const n of [1, 4, 5, 6, 7, 8, 9, 10, 65_536, 65_537, 65_539, total]) {
      const s = special.get(n) ?? {};
      expect([table.length(n - 1), table.linkType(n - 1), table.connection(n - 1)], `frame ${n}`).toEqual([s.originalLength ?? 60, s.linkType ?? 1, s.connection ?? -1]);
      expect(table.get(n)).toMatchObject({ originalLength: s.originalLength ?? 60, linkType: s.linkType ?? 1, capturedLength: 60, offset: n * 100 });
    }
    expect(BYTES_PER_FRAME + SPARSE_BYTES_PER_FRAME).toBeLessThanOrEqual(72);
  });
});
