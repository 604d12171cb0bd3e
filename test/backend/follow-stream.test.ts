// Follow TCP Stream in the worker's session with the real engine: every stream of two shared
// captures against tshark's own `-z follow,tcp,raw,N` (run here, as save-file.test.ts does), the
// MSNP commands of a connection, a synthetic stream with a hole and a retransmission, and the
// bound on chunks for a stream of one-byte segments.
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { AnalysisSession } from '../../src/main/backend/analysis-session';
import { ChunkCollector, MAX_CHUNKS, MERGE_AFTER_CHUNKS } from '../../src/main/backend/follow-stream';
import type { SessionOptions } from '../../src/main/backend/worker-protocol';
import { Analyzer } from '../../src/main/engine/analyzer';
import { mergeCaptureBatches } from '../../src/main/engine/capture/merge-captures';
import type { FollowedStream } from '../../src/shared/followed-stream';
import { buildPcap, writeTempCapture, type FrameSpec } from '../helpers/capture-builder';
import { CAPTURES } from '../helpers/captures';
import { tcpFrame } from '../helpers/packet-builder';

const sessions: AnalysisSession[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.dispose();
});

async function loaded(path: string, options: SessionOptions = {}): Promise<AnalysisSession> {
  const session = new AnalysisSession({ createAnalyzer: (o, l) => new Analyzer(o, l), readCaptures: mergeCaptureBatches, emit: () => {} });
  sessions.push(session);
  await session.load([path], path, options);
  return session;
}

interface TsharkFollow {
  nodes: [string, string];
  /** Each direction's bytes as one hex string. */
  hex: [string, string];
}

/** Streams asked of tshark in its one run per capture (the shared captures have fewer). */
const MAX_STREAMS = 32;

/**
 * tshark's reading in one run: the tcp.stream of every frame, then a `follow,tcp,raw` block per
 * stream asked ("Filter: tcp.stream eq N", "Node 0/1: ip:port", one hex line per chunk, the
 * responder's indented by a tab).
 */
function tsharkFollows(path: string): { streams: number[]; follows: Map<number, TsharkFollow> } {
  const args = ['-r', path, '-T', 'fields', '-e', 'tcp.stream'];
  for (let n = 0; n < MAX_STREAMS; n++) args.push('-z', `follow,tcp,raw,${n}`);
  const out = execFileSync('tshark', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 << 20 });
  const [fields, ...blocks] = out.split('===================================================================\nFollow: tcp,raw\n');
  const streams = [...new Set(fields.split('\n').filter(Boolean).map(Number))];
  const follows = new Map<number, TsharkFollow>();
  for (const block of blocks) {
    const nodes: [string, string] = ['', ''];
    const hex: [string, string] = ['', ''];
    let stream = -1;
    for (const line of block.split('\n')) {
      const filter = /^Filter: tcp\.stream eq (\d+)$/.exec(line);
      const node = /^Node ([01]): (.*)$/.exec(line);
      if (filter) stream = Number(filter[1]);
      else if (node) nodes[Number(node[1])] = node[2];
      else if (/^\t?[0-9a-f]+$/.test(line)) hex[line.startsWith('\t') ? 1 : 0] += line.trim();
    }
    follows.set(stream, { nodes, hex });
  }
  return { streams, follows };
}

const toHex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const ours = (f: FollowedStream, dir: 0 | 1) => f.chunks.filter((c) => c.direction === dir).map((c) => toHex(c.bytes)).join('');

describe('stream:follow against tshark', () => {
  for (const path of [CAPTURES.pecanChat, CAPTURES.wireshark2005]) {
    it(`follows every TCP stream of ${path.split('/').pop()} as tshark does`, async () => {
      // tshark shows the login secrets: so must we, to compare bytes.
      const session = await loaded(path, { showSecrets: true });
      const { streams, follows } = tsharkFollows(path);
      expect(streams.length).toBeGreaterThan(1);
      expect(Math.max(...streams)).toBeLessThan(MAX_STREAMS);
      for (const stream of streams) {
        const expected = follows.get(stream)!;
        const followed = (await session.follow(stream))!;
        expect(followed.endpoints, `stream ${stream}`).toEqual(expected.nodes);
        expect(ours(followed, 0), `stream ${stream} client`).toBe(expected.hex[0]);
        expect(ours(followed, 1), `stream ${stream} server`).toBe(expected.hex[1]);
        expect(followed.byteCounts).toEqual([expected.hex[0].length / 2, expected.hex[1].length / 2]);
        expect(followed.truncated).toBe(false);
      }
    });
  }

  it('masks login secrets as the bytes pane does, keeping every offset', async () => {
    const shown = (await (await loaded(CAPTURES.pecanChat, { showSecrets: true })).follow(0))!;
    const masked = (await (await loaded(CAPTURES.pecanChat)).follow(0))!;
    const text = (f: FollowedStream) => Buffer.from(ours(f, 0), 'hex').toString('latin1');
    // The Passport ticket of `USR 4 TWN S t=…` (tshark's follow,tcp,ascii,0 shows it in clear).
    const ticket = /USR 4 TWN S (t=[^\r]+)\r\n/.exec(text(shown))![1];
    expect(ticket.length).toBeGreaterThan(100);
    expect(text(masked)).not.toContain(ticket.slice(0, 40));
    expect(text(masked)).toContain(`USR 4 TWN S ${'*'.repeat(ticket.length)}\r\n`);
    expect(masked.byteCounts).toEqual(shown.byteCounts);
    expect(masked.commands!.find((c) => c.line.startsWith('USR 4 TWN S'))!.line).toBe(`USR 4 TWN S ${'*'.repeat(ticket.length)}`);
  });

  it('lists an MSNP connection’s commands in order with their bodies, and none for a TLS stream', async () => {
    const session = await loaded(CAPTURES.pecanChat);
    const followed = (await session.follow(0))!;
    const text = (dir: 0 | 1) => Buffer.from(ours(followed, dir), 'hex').toString('latin1');
    // Each direction's commands, line + CRLF + body, are exactly its bytes: none lost, none twice.
    for (const dir of [0, 1] as const) {
      const rebuilt = followed.commands!.filter((c) => c.direction === dir).map((c) => `${c.line}\r\n${c.body ? Buffer.from(c.body).toString('latin1') : ''}`);
      expect(rebuilt.join('')).toBe(text(dir));
    }
    expect(followed.commands![0].line.startsWith('VER ')).toBe(true);
    const withBody = followed.commands!.find((c) => c.body && c.body.length > 0)!;
    const announced = Number(withBody.line.split(' ').at(-1));
    expect(withBody.body!.length).toBe(announced);
    expect((await session.follow(1))!.commands).toBeNull(); // port 443, TLS
  });

  it('answers null for a stream that does not exist, and truncates at the limit', async () => {
    const session = await loaded(CAPTURES.pecanChat);
    expect(await session.follow(999)).toBeNull();
    const cut = (await session.follow(0, 100))!;
    expect(cut.truncated).toBe(true);
    expect(cut.byteCounts[0] + cut.byteCounts[1]).toBe(100);
    expect(ours(cut, 0) + ours(cut, 1)).toHaveLength(200);
  });
});

describe('stream:follow on a synthetic hole and retransmission', () => {
  it('marks the missing bytes as a gap and keeps a retransmitted segment once', async () => {
    const client = { ip: '10.0.0.1', port: 40000 };
    const server = { ip: '10.0.0.2', port: 1863 };
    let ts = 1_143_115_200_000_000;
    const frames: FrameSpec[] = [];
    const send = (from: 'c' | 's', seq: number, ack: number, flags: string, payload = '') => {
      const [src, dst] = from === 'c' ? [client, server] : [server, client];
      frames.push({ tsUs: (ts += 1000), linkType: 1, data: tcpFrame({ src: src.ip, dst: dst.ip, srcPort: src.port, dstPort: dst.port, seq, ack, flags, payload }) });
    };
    send('c', 1000, 0, 'S');
    send('s', 5000, 1001, 'SA');
    send('c', 1001, 5001, 'A');
    send('c', 1001, 5001, 'PA', 'VER 1 MSNP8 CVR0\r\n'); // 18 bytes: 1001–1018
    send('c', 1001, 5001, 'PA', 'VER 1 MSNP8 CVR0\r\n'); // retransmitted
    send('s', 5001, 1019, 'PA', 'VER 1 MSNP8\r\n'); // 13 bytes: 5001–5013
    // Client bytes 1019–1028 ("CVR 2 0x04") never captured; the rest of the line arrives.
    send('c', 1029, 5014, 'PA', '09 winnt\r\n');
    send('c', 1039, 5014, 'PA', 'USR 3 TWN I alice@example.com\r\n');
    const followed = (await (await loaded(writeTempCapture(buildPcap(frames)))).follow(0))!;
    expect(followed.endpoints).toEqual(['10.0.0.1:40000', '10.0.0.2:1863']);
    const clientChunks = followed.chunks.filter((c) => c.direction === 0);
    const clientText = clientChunks.map((c) => Buffer.from(c.bytes).toString('latin1')).join('');
    expect(clientText).toBe('VER 1 MSNP8 CVR0\r\n09 winnt\r\nUSR 3 TWN I alice@example.com\r\n');
    const gapAt = clientChunks.findIndex((c) => c.gapBefore);
    expect(clientChunks[gapAt].gapBefore).toBe(10);
    expect(Buffer.from(clientChunks[gapAt].bytes).toString('latin1').startsWith('09 winnt')).toBe(true);
    expect(followed.missing).toEqual([10, 0]);
    expect(followed.byteCounts).toEqual([18 + 10 + 31, 13]);
    expect(followed.commands!.map((c) => c.line)).toContain('USR 3 TWN I alice@example.com');
  });
});

describe('stream:follow bounds the number of chunks', () => {
  const one = Uint8Array.of(0x41);
  const bounds = { mergeAfter: 10, max: 30 };

  it('joins bytes that continue the last chunk’s direction once mergeAfter chunks exist, losing none', () => {
    const collector = new ChunkCollector(1 << 20, (b) => b, bounds);
    for (let i = 0; i < 9; i++) collector.data((i % 2) as 0 | 1, one, i + 1); // 9 chunks, alternating
    for (let i = 0; i < 50; i++) collector.data(0, Uint8Array.of(0x30 + (i % 10)), 100 + i);
    const chunks = collector.chunks();
    // The 10th chunk opens (direction 0, frame 100); the next 49 deliveries join it.
    expect(chunks).toHaveLength(10);
    expect(chunks[9]).toMatchObject({ direction: 0, frame: 100 });
    expect(Buffer.from(chunks[9].bytes).toString('latin1')).toBe('0123456789'.repeat(5));
    expect(collector.counts).toEqual([5 + 50, 4]);
    expect(collector.truncated).toBe(false);
  });

  it('starts a new chunk after a gap even past mergeAfter, and stops as truncated at max', () => {
    const collector = new ChunkCollector(1 << 20, (b) => b, bounds);
    for (let i = 0; i < 10; i++) collector.data(0, one, i + 1); // 10 chunks: none to join yet
    collector.gap(0, 7);
    collector.data(0, one, 12);
    expect(collector.chunks()).toHaveLength(11); // past mergeAfter, but the gap starts a chunk
    expect(collector.chunks()[10]).toMatchObject({ frame: 12, gapBefore: 7 });
    let accepted = 0;
    for (let i = 0; i < 40; i++) if (collector.data(((i + 1) % 2) as 0 | 1, one, 20 + i) !== false) accepted++;
    expect(collector.chunks()).toHaveLength(bounds.max);
    expect(accepted).toBe(bounds.max - 11);
    expect(collector.truncated).toBe(true);
  });

  it('uses defaults that keep a stream of one-byte segments within MERGE_AFTER_CHUNKS … MAX_CHUNKS', () => {
    expect(MERGE_AFTER_CHUNKS).toBeLessThan(MAX_CHUNKS);
    const collector = new ChunkCollector(1 << 20, (b) => b);
    for (let i = 0; i < MERGE_AFTER_CHUNKS + 100; i++) collector.data(0, one, i + 1);
    expect(collector.chunks()).toHaveLength(MERGE_AFTER_CHUNKS);
    expect(collector.chunks().at(-1)!.bytes).toHaveLength(101);
  });
});
