// Reassembly of the real captures, checked against Wireshark: every frame's tcp.stream and each
// direction's reassembled bytes (length and SHA-256) were taken from tshark 
// (`-T fields -e tcp.stream`, `-z follow,tcp,raw,N`), the ends from its FIN/RST frames
// (`-Y "tcp.flags.fin==1 || tcp.flags.reset==1"`).

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readCaptureFile } from '../../src/main/engine/capture/capture-reader';
import { decodePacket } from '../../src/main/engine/decode/decode-packet';
import type { StreamHandler, StreamInfo } from '../../src/main/engine/tcp/stream-handler';
import { TcpReassembler } from '../../src/main/engine/tcp/tcp-reassembler';
import { CAPTURES } from '../helpers/captures';

interface Reassembled {
  ids: string;
  /** Per stream: initiator "ip:port", then length and SHA-256 of direction 0 and 1. */
  streams: string[];
  /** Per stream: gaps, notes and ends as `dir:kind@frame`. */
  events: string[][];
}

async function reassembleFile(path: string): Promise<Reassembled> {
  const sides: Buffer[][][] = [];
  const infos: StreamInfo[] = [];
  const events: string[][] = [];
  const reassembler = new TcpReassembler((info): StreamHandler => {
    const parts: Buffer[][] = [[], []];
    const log: string[] = [];
    sides[info.id] = parts;
    infos[info.id] = info;
    events[info.id] = log;
    return {
      data: (dir, bytes) => void parts[dir].push(Buffer.from(bytes)),
      gap: (dir, lost, frame) => void log.push(`${dir}:gap ${lost}@${frame}`),
      end: (dir, reason, frame) => void log.push(`${dir}:${reason}@${frame}`),
      note: (dir, kind, frame) => void log.push(`${dir}:${kind}@${frame}`),
    };
  });
  let ids = '';
  let frame = 0;
  for await (const captured of readCaptureFile(path, 0)) {
    frame++;
    const packet = decodePacket(captured.linkType, captured.data);
    ids += packet && packet.tcp ? String(reassembler.add(packet, frame, captured.tsUs)) : '-';
  }
  reassembler.finish();
  const streams = infos.map((info, id) => {
    const summary = sides[id].map((parts) => {
      const bytes = Buffer.concat(parts);
      return `${bytes.length} ${createHash('sha256').update(bytes).digest('hex')}`;
    });
    return `${info.endpoints[0].ip}:${info.endpoints[0].port} ${summary.join(' ')}`;
  });
  return { ids, streams, events };
}

describe('TcpReassembler on real captures (expected values from tshark)', () => {
  it('msnms 2005: no handshake anywhere, streams start mid-connection', async () => {
    const r = await reassembleFile(CAPTURES.wireshark2005);
    expect(r.ids).toBe(
      '0001100000000011110111222222222112222222222211222222222112222222211222222222211222222222222112222222211222222211' +
        '222211222222222112221121111111111133333333333331133333333333113333333331133333333311313333333333333113333333311113111' +
        '444444411444411444411141111555555555555555555115555555555511555555511555551155555555511511555115555551155555555511555' +
        '555551511555115115',
    );
    expect(r.streams).toEqual([
      '192.168.1.14:1176 1500 1bf2735c754255bf504d6458dfa9893e62c079e6acb03de473f336d4bb2da326 0 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      '192.168.1.14:1037 211 65eafe61adc8e857927aa523e7f995847322a7f59d1d11dbd867f3dac3885ce1 3456 b5d571bce4d1d897f21bf4b5cdd8e8283e2684363e22012d6d844ff995fc72aa',
      '192.168.1.14:1208 4844 8634e3f4978c5807a6ff5227964d8e3f38351329364d5b78d14b33cef844e880 6965 96e93a16b3118db8ac69bddaec361163cdc5dde1ad4e047b88590a895709cc61',
      '192.168.1.14:1217 5171 f2e44f7db8ecbb19edfad0f70dd865cb1948c93c646a4cbfd16533a02e514205 2735 a98c8fc0d5a0f33eb69c2193af595f751dd8ed10508709c8a85938a87c95f717',
      '192.168.1.14:1220 55 d2ca84266b7cc04eb4a48b0a2ca5df982ce5b4719b285fbdf224c92bf7f6bd75 1981 0fe5e02c4ace1d951421f1cc29e714d5687d920238bac7fe5ce7836edce9a6bd',
      '192.168.1.14:1221 4740 ee0cf73b77b5256d77d60e0ee17f6b2b29d9fcbb03e298d0c39091ae49925a6c 5189 3efe0d01236b292d73e152c2261f2feac7c6522dc1758927c38c83901a2496e1',
    ]);
    // No FIN or RST in the file: every direction ends at the end of input, without gaps or notes.
    for (const log of r.events) expect(log).toEqual([expect.stringMatching(/^0:eof@/), expect.stringMatching(/^1:eof@/)]);
  });

  it('PPA 2006: one switchboard chat from the SYN (Ethernet trailers are not payload)', async () => {
    const r = await reassembleFile(CAPTURES.ppa2006);
    expect(r.ids).toBe('0'.repeat(50));
    expect(r.streams).toEqual([
      '192.168.0.114:3331 1620 9b2ed448ad4a083aa31749839cc02a1bb61f182dc0fbc5f614273dfbf6a42258 1403 ee6013e74a4f077f4dcb28e78cbe86b50131edd269421689ec87a5abde92c58b',
    ]);
    expect(r.events).toEqual([['0:eof@50', '1:eof@50']]);
  });

  it('MSNP12 file transfer: eight connections ending with FINs and RSTs', async () => {
    const r = await reassembleFile(CAPTURES.pecanFileTransfer);
    expect(r.ids).toBe(
      '00000111110001110010112323232222332244433234435553554424455553102220242223331335334051000000001111111144553322111111' +
        '10000000111111110000000000000000100000011111110001111166666666067777777776667766770166677766776666777767666776676676' +
        '6776667776766677667667766766776676677667667766766776676677667667766767667776776001100076677666611111',
    );
    expect(r.streams).toEqual([
      '127.0.0.1:44248 1399 aada986511a1b75cfe0b2544525d05f9a565cce0d64da2e5c50289f5b2158811 2853 e239ad3a4cc368b9f3466b863fd1fe081b0822bf9ee94a2dc1099444c3f6434b',
      '127.0.0.1:44254 1410 d6aabf3a0933f79c77d52ff366e3239d652f71bcb6bcef5523769d0bf656cf48 2669 c51f42ddb422e088029652aa86e9b9fee6b56793d3b3f75ece63a0968975115b',
      '127.0.0.1:38120 3126 0f4bde2dbe5a1fd4e47037cc439fb59a3d4831c90c0d47e17e0ba87ab2ad672f 11342 5f8ee047d917a7a5aeae755f5f2efc127bfae96fa716f930047c3c15f862c4df',
      '127.0.0.1:38116 3128 55bb4fda8ebdaca729808bdd019e022b205c8a22ecf0de489775336d435a8160 11344 5c2c9f627aab2bd412280345028e38941d1ccc72cd2ca2daf159e4c91bef0d28',
      '127.0.0.1:60676 2423 6959d7d4cc235cdd6d8a279c81dd3d781817974a1ccd7ee3401d00fa8bc3afc8 9688 497460a2710daebc0b931e9d615cd5747a4cb316fda0f9f954fae1c6a8438a4d',
      '127.0.0.1:60686 2425 ba1ed41b5793ed74afc66eee7c7e870a52593f4cb3c5523ac42203241218a937 9690 de3219f2d57c887db1b3f66da7cfeaf81a701c1807df7a6fc3ac7d266c917dc6',
      '127.0.0.1:44012 26302 664104e1c1ff7db538a81d93b2bcb53daa52141d0043c7e58c08cad8eb9d2445 2196 8521436bc6357e121300dfdbe1d516de4555666c845cc3969cfcbd960fe8fd39',
      '127.0.0.1:44018 1844 6648da8ebb43bb81e99619695239b10b38f91fa5f13612be7bd5134644a1bd8d 26796 bd58416ce8ee80521af730a1f42cdb5edce25ad98ed92f4a46eabbc601d113f6',
    ]);
    // Stream 2 repeats its FIN (frames 71, 72) before its RST; the repeat is past the end, so silent.
    expect(r.events).toEqual([
      ['1:fin@313', '0:fin@317'],
      ['1:fin@329', '0:fin@331'],
      ['0:fin@71', '1:rst@110'],
      ['0:fin@79', '1:rst@108'],
      ['0:fin@70', '1:fin@103'],
      ['0:fin@80', '1:fin@105'],
      ['1:fin@325', '0:fin@326'],
      ['0:fin@319', '1:fin@322'],
    ]);
  });
});
