// Transfer fates on the real MSNP12 file-transfer capture (README: alice sends bob hello.txt, 145
// bytes in one chunk, and photo_blob.bin, 20000 bytes in 17 chunks, both through the switchboard;
// bob says "Got both files, thanks!"). Read off the frames by hand (tshark `-x`, P2P header at
// the MSG body's start, every number little-endian):
//   frame 202 (alice, port 44012): INVITE for hello.txt;   frame 206 (bob, 44018): its 200 OK.
//   frame 218 (bob), from offset 0xa9:
//     00a0                             ca 23 7b 32 6d 45 8b   session id 0x327b23ca = 846930890, identifier 0x6b8b456d
//     00b0  6b 00 00 00 00 00 00 00 00 91 00 00 00 00 00 00   offset 0, total size 0x91 = 145
//     00c0  00 00 00 00 00 02 00 00 00 6c 45 8b 6b f8 27 b1   length 0, flags 0x2 (ACK), ack identifier 0x6b8b456c = 1804289388
//     00d0  4d 91 00 00 00 00 00 00 00                        (the data chunk's identifier, frame 212), ack unique id, ack data size 145:
//   bob has the whole of hello.txt.
//   frame 227 (alice): INVITE for photo_blob.bin;          frame 231 (bob): its 200 OK.
//   frame 302 (bob): P2P ACK — session cb 23 7b 32 = 846930891, ack identifier 6f 45 8b 6b =
//     1804289391 (the data's, frame 240), ack data size 20 4e 00 00 00 00 00 00 = 20000.
// No BYE, CANCEL or decline is in the capture, and no direct connection.
import { describe, expect, it } from 'vitest';
import { analyzeCaptureFiles } from '../../src/main/engine/analyze-files';
import { CAPTURES } from '../helpers/captures';

const { result } = await analyzeCaptureFiles([CAPTURES.pecanFileTransfer]);
const ALICE = 'alice@example.com';
const BOB = 'bob@example.com';

describe('fates of the two MSNSLP file transfers', () => {
  it('lists one transfer per invitation, both confirmed by bob\'s final ACK', () => {
    expect(result.transfers.map((t) => [t.name, t.size, t.source, t.via, t.fate])).toEqual([
      ['hello.txt', 145, 'msnslp', 'switchboard', 'confirmed'],
      ['photo_blob.bin', 20000, 'msnslp', 'switchboard', 'confirmed'],
    ]);
  });

  it('says who accepted, with the MSNSLP status, and where bob confirmed', () => {
    const [hello, photo] = result.transfers;
    expect(hello).toMatchObject({ frame: 202, from: ALICE, to: BOB, sessionId: 846930890, accepted: { by: BOB, frame: 206, reason: '200 OK' }, declined: null, cancelled: null, received: 145, complete: true, dataVia: 'switchboard', confirmed: { by: BOB, frame: 218, how: 'ACK' } });
    expect(photo).toMatchObject({ frame: 227, from: ALICE, to: BOB, sessionId: 846930891, accepted: { by: BOB, frame: 231, reason: '200 OK' }, received: 20000, complete: true, confirmed: { by: BOB, frame: 302, how: 'ACK' } });
  });

  it('keeps complete (every byte seen) apart from the confirmation on the files', () => {
    expect(result.files.map((f) => [f.name, f.complete, f.confirmed?.frame ?? null])).toEqual([
      ['hello.txt', true, 218],
      ['photo_blob.bin', true, 302],
    ]);
    expect(result.transfers.map((t) => t.file)).toEqual([0, 1]);
  });

  it('has no peer connection (none is in the capture)', () => {
    expect(result.connections.filter((c) => c.role === 'peer')).toEqual([]);
  });
});
