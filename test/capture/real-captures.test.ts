// The real captures read with our reader agree with tshark (frame counts, first and last
// timestamps, total frame length), and editcap's conversions of one of them (pcapng with µs and
// ns resolution, nanosecond pcap, modified pcap) give exactly the same frames.
// Expected values: `capinfos -c`, `tshark -r F -T fields -e frame.time_epoch`, sum of frame.len.

import { describe, expect, it } from 'vitest';
import { readAllFrames } from '../helpers/capture-builder';

const CAPTURES = 'test/fixtures/captures/';
const FORMATS = 'test/fixtures/capture-formats/';

const TSHARK = [
  { file: 'msnms-2005-wireshark-sample.pcap', frames: 364, first: 1115371077_389967, last: 1115373055_968551, bytes: 56503 },
  { file: 'msnp12-pecan-escargot-file-transfer-p2p.pcap', frames: 332, first: 1795435535_452840, last: 1795435550_053463, bytes: 140675 },
  { file: 'msnp12-pecan-escargot-http-gateway.pcap', frames: 477, first: 1795435581_891779, last: 1795435622_298715, bytes: 163596 },
  { file: 'msnp12-pecan-escargot-login-presence-chat.pcap', frames: 293, first: 1795435459_303332, last: 1795435489_421777, bytes: 85609 },
  { file: 'msnp15-scripted-client-escargot-sso-login.pcap', frames: 214, first: 1795435859_973917, last: 1795435870_759760, bytes: 68656 },
  { file: 'msnp18-pidgin-escargot-login-presence-chat.pcap', frames: 454, first: 1795437728_471249, last: 1795437758_730058, bytes: 243324 },
  { file: 'ppa-2006-switchboard-chat.pcap', frames: 50, first: 1167359261_823896, last: 1167359324_213723, bytes: 5811 },
];

describe('real captures match tshark', () => {
  for (const expected of TSHARK) {
    it(expected.file, async () => {
      const { frames, info } = await readAllFrames(CAPTURES + expected.file);
      expect(info).toEqual({ path: CAPTURES + expected.file, format: 'pcap', frames: expected.frames, gzip: false });
      expect(frames).toHaveLength(expected.frames);
      expect(frames[0].tsUs).toBe(expected.first);
      expect(frames[frames.length - 1].tsUs).toBe(expected.last);
      expect(frames.reduce((n, f) => n + f.originalLength, 0)).toBe(expected.bytes);
      expect(frames.every((f) => f.linkType === 1 && f.number === 0 && f.captureIndex === 0)).toBe(true);
      // First record follows the 24-byte file header.
      expect(frames[0].fileOffset).toBe(24);
      expect(frames[1].fileOffset).toBe(24 + 16 + frames[0].data.length);
    });
  }
});

describe('editcap conversions of the PPA capture read the same frames', async () => {
  const reference = await readAllFrames(CAPTURES + 'ppa-2006-switchboard-chat.pcap');
  const strip = (r: typeof reference) => r.frames.map((f) => ({ tsUs: f.tsUs, linkType: f.linkType, originalLength: f.originalLength, data: Array.from(f.data) }));
  const cases: [string, 'pcap' | 'pcapng', boolean][] = [
    ['ppa-2006-switchboard-chat.pcapng', 'pcapng', false],
    ['ppa-2006-switchboard-chat-tsresol9.pcapng', 'pcapng', false],
    ['ppa-2006-switchboard-chat-nsec.pcap', 'pcap', false],
    ['ppa-2006-switchboard-chat-modified.pcap', 'pcap', false],
    ['ppa-2006-switchboard-chat.pcap.gz', 'pcap', true],
    ['ppa-2006-switchboard-chat.pcapng.gz', 'pcapng', true],
  ];
  for (const [file, format, gzip] of cases) {
    it(file, async () => {
      const result = await readAllFrames(FORMATS + file);
      expect(result.info).toEqual({ path: FORMATS + file, format, frames: 50, gzip });
      expect(strip(result)).toEqual(strip(reference));
    });
  }
});
