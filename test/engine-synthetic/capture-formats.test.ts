// One switchboard conversation written in every container and link layer the engine reads:
// pcap over Ethernet, pcapng with two interfaces, gzip, Linux cooked v1/v2, BSD loopback (both
// byte orders), raw IP, IPv6, VLAN-tagged Ethernet; and split over two files merged in time
// order. The transcript must be the same each time, frame numbers and times included.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../src/shared/model';
import { buildPcap, buildPcapng, writeTempCapture } from '../helpers/capture-builder';
import { concatBytes, LINK } from '../helpers/packet-builder';
import { analyzeFrames, analyzePaths, chatMime, conversationAt, frameContaining, isoUs, payloadCommand, T0_US, type FrameSpec } from './synthetic';

const ALICE = 'alice@hotmail.com';
const BOB = 'bob@hotmail.com';
const LINES = ['Hello over any link.', '第二条消息', 'Third and last.'];

function conversation(linkType: number, v6 = false): FrameSpec[] {
  return conversationAt(T0_US, {
    linkType,
    client: { ip: v6 ? '2001:db8::10' : '10.3.0.1', port: 2345 },
    server: { ip: v6 ? '2001:db8:1::1863' : '207.46.108.70', port: 1863 },
    messages: [
      { from: 'client', payload: `USR 1 ${ALICE} 5555.6666\r\n` },
      { from: 'server', payload: `USR 1 OK ${ALICE} Alice\r\n` },
      { from: 'client', payload: `CAL 2 ${BOB}\r\n` },
      { from: 'server', payload: 'CAL 2 RINGING 777\r\n' },
      { from: 'server', payload: `JOI ${BOB} Bob\r\n` },
      { from: 'client', payload: payloadCommand('MSG 3 N', chatMime(LINES[0])) },
      { from: 'server', payload: payloadCommand(`MSG ${BOB} Bob`, chatMime(LINES[1])) },
      { from: 'client', payload: payloadCommand('MSG 4 N', chatMime(LINES[2])) },
    ],
  });
}

const ethernet = conversation(LINK.ETHERNET);
/** What every variant must give: sender, text, frame and time as written into `ethernet`. */
const expected = LINES.map((text, i) => {
  const frame = frameContaining(ethernet, text);
  return { from: i === 1 ? BOB : ALICE, text, frame, time: isoUs(ethernet[frame - 1].tsUs) };
});

function transcript(result: AnalysisResult) {
  expect(result.sessions).toHaveLength(1);
  return result.sessions[0].messages.map(({ from, text, frame, time }) => ({ from, text, frame, time }));
}

/** 802.1Q tag(s) inserted after the two MAC addresses of an Ethernet frame. */
function withVlans(frames: FrameSpec[], ids: number[]): FrameSpec[] {
  const tags = concatBytes(...ids.map((id, i) => Uint8Array.of(i < ids.length - 1 ? 0x88 : 0x81, i < ids.length - 1 ? 0xa8 : 0x00, id >> 8, id & 0xff)));
  return frames.map((f) => ({ ...f, data: concatBytes(f.data.subarray(0, 12), tags, f.data.subarray(12)) }));
}

describe('the same conversation in every capture format', () => {
  it('pcap over Ethernet (the reference)', async () => {
    const result = await analyzeFrames(ethernet);
    expect(transcript(result)).toEqual(expected);
    expect(result.connections[0]).toMatchObject({ client: '10.3.0.1:2345', server: '207.46.108.70:1863', role: 'switchboard' });
    expect(result.captures[0]).toMatchObject({ format: 'pcap', frames: ethernet.length, gzip: false });
  });

  const links: Array<[string, number]> = [
    ['Linux cooked v1', LINK.SLL],
    ['Linux cooked v2', LINK.SLL2],
    ['BSD loopback (DLT_NULL)', LINK.NULL],
    ['OpenBSD loopback (DLT_LOOP)', LINK.LOOP],
    ['raw IP', LINK.RAW],
    ['LINKTYPE_IPV4', LINK.IPV4],
  ];
  for (const [name, linkType] of links) {
    it(name, async () => {
      expect(transcript(await analyzeFrames(conversation(linkType)))).toEqual(expected);
    });
  }

  it('IPv6 over Ethernet', async () => {
    const result = await analyzeFrames(conversation(LINK.ETHERNET, true));
    expect(transcript(result)).toEqual(expected);
    expect(result.connections[0]).toMatchObject({ client: '[2001:db8::10]:2345', server: '[2001:db8:1::1863]:1863' });
  });

  it('IPv6 over raw IP (LINKTYPE_IPV6)', async () => {
    expect(transcript(await analyzeFrames(conversation(LINK.IPV6, true)))).toEqual(expected);
  });

  it('802.1Q VLAN and QinQ tags', async () => {
    expect(transcript(await analyzeFrames(withVlans(ethernet, [42])))).toEqual(expected);
    expect(transcript(await analyzeFrames(withVlans(ethernet, [100, 42])))).toEqual(expected);
  });

  it('pcapng with two interfaces (client frames on Ethernet, server frames on Linux cooked)', async () => {
    const sll = conversation(LINK.SLL);
    // tcpConversation alternates nothing by itself: pick each frame's link by its source port.
    const mixed = ethernet.map((f, i) => (f.data[34] === 0x09 && f.data[35] === 0x29 ? f : sll[i]));
    expect(new Set(mixed.map((f) => f.linkType)).size).toBe(2);
    const result = await analyzeFrames(mixed, {}, 'pcapng');
    expect(transcript(result)).toEqual(expected);
    expect(result.captures[0]).toMatchObject({ format: 'pcapng', frames: ethernet.length });
  });

  it('gzip-compressed pcap and pcapng', async () => {
    const pcap = writeTempCapture(gzipSync(buildPcap(ethernet)), 'capture.pcap.gz');
    const pcapng = writeTempCapture(gzipSync(buildPcapng(ethernet)), 'capture.pcapng.gz');
    const a = await analyzePaths([pcap]);
    const b = await analyzePaths([pcapng]);
    expect(transcript(a)).toEqual(expected);
    expect(transcript(b)).toEqual(expected);
    expect(a.captures[0]).toMatchObject({ format: 'pcap', gzip: true, frames: ethernet.length });
    expect(b.captures[0]).toMatchObject({ format: 'pcapng', gzip: true });
  });

  it('nanosecond pcap, big-endian pcap', async () => {
    const nano = writeTempCapture(buildPcap(ethernet, { nanosecond: true }));
    const big = writeTempCapture(buildPcap(ethernet, { bigEndian: true }));
    expect(transcript(await analyzePaths([nano]))).toEqual(expected);
    expect(transcript(await analyzePaths([big]))).toEqual(expected);
  });
});

describe('two files merged in time order', () => {
  // Client frames in one file, server frames in the other (as two capture points would write).
  const isClient = (f: FrameSpec) => f.data[34] === 0x09 && f.data[35] === 0x29; // source port 2345
  const clientFile = writeTempCapture(buildPcap(ethernet.filter(isClient)), 'client.pcap');
  const serverFile = writeTempCapture(buildPcapng(ethernet.filter((f) => !isClient(f))), 'server.pcapng');

  it('numbers frames across both files and gives the same transcript', async () => {
    for (const paths of [[clientFile, serverFile], [serverFile, clientFile]]) {
      const result = await analyzePaths(paths);
      expect(result.frames).toBe(ethernet.length);
      expect(result.captures.map((c) => c.path)).toEqual(paths);
      expect(result.captures.reduce((n, c) => n + c.frames, 0)).toBe(ethernet.length);
      expect(transcript(result)).toEqual(expected);
      expect(result.connections).toHaveLength(1);
    }
  });
});
