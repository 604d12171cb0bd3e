// Decoding the real captures agrees with tshark, frame by frame for the PPA capture, in totals
// for the others. The PPA capture's twelve ACKs from the server carry 6-byte Ethernet trailers
// that look like MSNP text ("MSG te", "HTTP/1"): the payload must come from the IP total length.
// Expected values: tshark -T fields -e tcp.srcport -e tcp.seq_raw -e tcp.ack_raw -e tcp.flags
// -e tcp.window_size_value -e tcp.len; totals: count and sum of tcp.len per file.

import { describe, expect, it } from 'vitest';
import { decodePacket } from '../../src/main/engine/decode/decode-packet';
import { readAllFrames } from '../helpers/capture-builder';

const CAPTURES = 'test/fixtures/captures/';

// [srcPort, seq, ack, flags, window, tcp.len] for the 50 frames of the PPA capture.
const PPA_TSHARK = [
  [3331, 606189042, 0, 0x0002, 16384, 0], [1863, 3302128502, 606189043, 0x0012, 16384, 0], [3331, 606189043, 3302128503, 0x0010, 17424, 0],
  [3331, 606189043, 3302128503, 0x0018, 17424, 60], [1863, 3302128503, 606189103, 0x0018, 65475, 41], [3331, 606189103, 3302128544, 0x0018, 17383, 33],
  [1863, 3302128544, 606189136, 0x0018, 65442, 27], [3331, 606189136, 3302128571, 0x0010, 17356, 0], [1863, 3302128571, 606189136, 0x0018, 65442, 48],
  [3331, 606189136, 3302128619, 0x0010, 17308, 0], [3331, 606189136, 3302128619, 0x0018, 17308, 109], [1863, 3302128619, 606189245, 0x0010, 65333, 0],
  [3331, 606189245, 3302128619, 0x0018, 17308, 146], [1863, 3302128619, 606189391, 0x0010, 65187, 0], [1863, 3302128619, 606189391, 0x0018, 65187, 137],
  [3331, 606189391, 3302128756, 0x0010, 17171, 0], [1863, 3302128756, 606189391, 0x0018, 65187, 182], [3331, 606189391, 3302128938, 0x0010, 16989, 0],
  [3331, 606189391, 3302128938, 0x0018, 16989, 109], [1863, 3302128938, 606189500, 0x0010, 65078, 0], [3331, 606189500, 3302128938, 0x0018, 16989, 109],
  [1863, 3302128938, 606189609, 0x0010, 64969, 0], [3331, 606189609, 3302128938, 0x0018, 16989, 192], [1863, 3302128938, 606189801, 0x0010, 64777, 0],
  [1863, 3302128938, 606189801, 0x0018, 64777, 137], [3331, 606189801, 3302129075, 0x0010, 16852, 0], [1863, 3302129075, 606189801, 0x0018, 64777, 197],
  [3331, 606189801, 3302129272, 0x0010, 16655, 0], [3331, 606189801, 3302129272, 0x0018, 16655, 110], [1863, 3302129272, 606189911, 0x0010, 64667, 0],
  [3331, 606189911, 3302129272, 0x0018, 16655, 110], [1863, 3302129272, 606190021, 0x0010, 64557, 0], [3331, 606190021, 3302129272, 0x0018, 16655, 110],
  [1863, 3302129272, 606190131, 0x0010, 64447, 0], [3331, 606190131, 3302129272, 0x0018, 16655, 157], [1863, 3302129272, 606190288, 0x0010, 64290, 0],
  [1863, 3302129272, 606190288, 0x0018, 64290, 137], [3331, 606190288, 3302129409, 0x0010, 16518, 0], [1863, 3302129409, 606190288, 0x0018, 64290, 137],
  [3331, 606190288, 3302129546, 0x0010, 16381, 0], [1863, 3302129546, 606190288, 0x0018, 64290, 137], [3331, 606190288, 3302129683, 0x0010, 16244, 0],
  [1863, 3302129683, 606190288, 0x0018, 64290, 223], [3331, 606190288, 3302129906, 0x0010, 16021, 0], [3331, 606190288, 3302129906, 0x0018, 16021, 110],
  [1863, 3302129906, 606190398, 0x0010, 64180, 0], [3331, 606190398, 3302129906, 0x0018, 16021, 110], [1863, 3302129906, 606190508, 0x0010, 65535, 0],
  [3331, 606190508, 3302129906, 0x0018, 16021, 155], [1863, 3302129906, 606190663, 0x0010, 65380, 0],
];

/** Frames whose 60-byte Ethernet frame holds a 40-byte IP packet and a 6-byte trailer (tshark eth.trailer). */
const TRAILER_FRAMES = [12, 14, 20, 22, 24, 30, 32, 34, 36, 46, 48, 50];

describe('PPA capture decoded like tshark', async () => {
  const { frames } = await readAllFrames(CAPTURES + 'ppa-2006-switchboard-chat.pcap');
  const decoded = frames.map((f) => decodePacket(f.linkType, f.data));

  it('decodes every frame as TCP between the two hosts', () => {
    for (const pkt of decoded) {
      expect(pkt?.ipVersion).toBe(4);
      expect(pkt?.protocol).toBe(6);
      expect([pkt?.src, pkt?.dst].sort()).toEqual(['192.168.0.114', '207.46.26.167']);
      expect(pkt?.truncated).toBeUndefined();
    }
  });

  it('has tshark ports, raw sequence numbers, flags, windows and payload lengths', () => {
    expect(decoded.map((p) => [p?.srcPort, p?.tcp?.seq, p?.tcp?.ack, p?.tcp?.flags, p?.tcp?.window, p?.payload.length])).toEqual(PPA_TSHARK);
  });

  it('ignores the Ethernet trailers of the twelve server ACKs', () => {
    for (const n of TRAILER_FRAMES) {
      expect(frames[n - 1].data.length).toBe(60);
      // Bytes 16–17: IP total length 40 = 20 IP + 20 TCP, so 60 − 14 − 40 = 6 trailer bytes.
      expect((frames[n - 1].data[16] << 8) | frames[n - 1].data[17]).toBe(40);
      expect(decoded[n - 1]?.payload.length).toBe(0);
    }
    // Frame 12's trailer reads "MSG te" (tshark eth.trailer 4d5347207465).
    expect(new TextDecoder().decode(frames[11].data.subarray(54))).toBe('MSG te');
  });

  it('gives the USR payload of frame 4', () => {
    expect(new TextDecoder().decode(decoded[3]?.payload).startsWith('USR 93 tesla_brian@hotmail.com ')).toBe(true);
  });
});

describe('all real captures: TCP totals like tshark', () => {
  const TOTALS: [string, number, number][] = [
    ['msnms-2005-wireshark-sample.pcap', 364, 36847],
    ['msnp12-pecan-escargot-file-transfer-p2p.pcap', 332, 118635],
    ['msnp12-pecan-escargot-http-gateway.pcap', 477, 131986],
    ['msnp12-pecan-escargot-login-presence-chat.pcap', 293, 66143],
    ['msnp15-scripted-client-escargot-sso-login.pcap', 214, 54404],
    ['msnp18-pidgin-escargot-login-presence-chat.pcap', 454, 213216],
  ];
  for (const [file, segments, bytes] of TOTALS) {
    it(file, async () => {
      const { frames } = await readAllFrames(CAPTURES + file);
      const tcp = frames.map((f) => decodePacket(f.linkType, f.data)).filter((p) => p?.tcp);
      expect(tcp).toHaveLength(segments);
      expect(tcp.reduce((n, p) => n + (p?.payload.length ?? 0), 0)).toBe(bytes);
    });
  }
});
