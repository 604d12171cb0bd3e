// The MSNP flow graph (flow:get, built by the back end from its packet table, command log and
// analysis) on the shared MSNP12 file-transfer and MSNP18 captures, against independent answers:
// the order and direction of every stream's commands from tshark's `follow,tcp,raw` framed by
// test/tools/count-commands-tshark.py --sequence, a connection's endpoints and frame count from
// `tshark -qz conv,tcp` (stored in test/fixtures/tshark/*.conv.txt), and transactions and
// hand-offs checked by hand against the bytes (tshark -T fields -e tcp.payload, quoted below).
// A synthetic switchboard adds what the real captures lack: an error reply and an MSNSLP
// endpoint that a direct connection then uses.
import { execFileSync, type ExecFileSyncOptionsWithStringEncoding } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisSession } from '../../src/main/backend/analysis-session';
import type { FlowPage, FlowScope, FlowUnit } from '../../src/shared/flow-graph';
import { CAPTURES } from '../helpers/captures';
import { realAnalysisSession } from '../helpers/real-session';
import { conversationAt, payloadCommand, T0_US, timeline, writeFrames } from '../engine-synthetic/synthetic';
import { FOO, p2pMime, slp, v1Message } from '../engine-synthetic/p2p-builders';

const quiet: ExecFileSyncOptionsWithStringEncoding = { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 << 20 };

/** tcp.stream indices of the connections on the MSNP ports, from tshark. */
function msnpStreams(file: string): number[] {
  const out = execFileSync('tshark', ['-r', file, '-Y', 'tcp.port == 1863 || tcp.port == 1864', '-T', 'fields', '-e', 'tcp.stream'], quiet);
  return [...new Set(out.split('\n').filter(Boolean).map(Number))].sort((a, b) => a - b);
}

/** "c VERB" / "s VERB" in completion order, from tshark's reassembled bytes and the independent framer. */
function tsharkSequence(file: string, stream: number): string[] {
  const script = new URL('../tools/count-commands-tshark.py', import.meta.url).pathname;
  return execFileSync('python3', [script, file, '--sequence', String(stream)], quiet).split('\n').filter(Boolean);
}

/** tshark -qz conv,tcp: "a|b" (sorted) → total frames. */
function tsharkConversations(file: string): Map<string, number> {
  const text = readFileSync(new URL(`../fixtures/tshark/${basename(file, '.pcap')}.conv.txt`, import.meta.url), 'utf8');
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    const m = /^(\S+)\s+<->\s+(\S+)\s+\d+ \d+ \w+\s+\d+ \d+ \w+\s+(\d+) /.exec(line.trim());
    if (m) out.set([m[1], m[2]].sort().join('|'), Number(m[3]));
  }
  return out;
}

/** Every arrow of a graph, paged as the window pages it. */
function wholeGraph(session: AnalysisSession, scope: FlowScope, unit: FlowUnit): FlowPage {
  const first = session.flow({ scope, unit, start: 0, count: 1000 });
  for (let start = first.frame.length; start < first.total; start += 1000) {
    const next = session.flow({ scope, unit, start, count: 1000 });
    for (const key of ['frame', 'timeUs', 'from', 'to', 'verb', 'summary', 'kind', 'pair', 'answer', 'link'] as const) (first[key] as unknown[]).push(...next[key]);
  }
  return first;
}

async function loaded(path: string): Promise<AnalysisSession> {
  const session = realAnalysisSession();
  await session.load([path], basename(path), { showSecrets: false });
  return session;
}

describe.each([
  ['MSNP12 file transfer', CAPTURES.pecanFileTransfer],
  ['MSNP18 login, presence and chat', CAPTURES.msnp18Pidgin],
])('flow graph of each MSNP connection: %s', (_name, file) => {
  let session: AnalysisSession;
  beforeAll(async () => {
    session = await loaded(file);
  });
  const streams = msnpStreams(file);
  const conversations = tsharkConversations(file);

  it('has MSNP connections to look at', () => {
    expect(streams.length).toBeGreaterThanOrEqual(4);
  });

  it.each(streams)('stream %i: one arrow per command, in wire order and direction, as tshark frames them', (stream) => {
    const graph = wholeGraph(session, { kind: 'stream', stream }, 'command');
    const ours = graph.verb.map((verb, i) => `${graph.from[i] === 0 ? 'c' : 's'} ${verb}`);
    expect(ours).toEqual(tsharkSequence(file, stream));
    // Lane 0 is the client; every arrow goes between the connection's two lanes.
    expect(graph.lanes[0].role).toBe('client');
    expect(graph.lanes).toHaveLength(2);
    expect(graph.from.every((f, i) => f + graph.to[i] === 1)).toBe(true);
  });

  it.each(streams)('stream %i: lanes are the endpoints of tshark\'s conversation, one arrow per frame of it in segment mode', (stream) => {
    const graph = wholeGraph(session, { kind: 'stream', stream }, 'segment');
    const key = graph.lanes.map((l) => l.address).sort().join('|');
    expect(conversations.has(key)).toBe(true);
    expect(graph.total).toBe(conversations.get(key));
    expect(graph.frame).toEqual([...graph.frame].sort((a, b) => a - b));
  });
});

describe('flow graph of the MSNP12 file transfer', () => {
  let session: AnalysisSession;
  beforeAll(async () => {
    session = await loaded(CAPTURES.pecanFileTransfer);
  });
  const arrowAt = (graph: FlowPage, frame: number) => graph.frame.indexOf(frame);

  it('ties a request to its reply: VER in frame 4 → VER in frame 11 (bob\'s notification connection, tcp.stream 0)', () => {
    // frame 4, 44248 → 1863: "VER 1 MSNP12 …"; frame 11, 1863 → 44248: "VER 1 MSNP12"
    for (const unit of ['command', 'segment'] as const) {
      const graph = wholeGraph(session, { kind: 'stream', stream: 0 }, unit);
      const request = arrowAt(graph, 4);
      const reply = arrowAt(graph, 11);
      expect(request).toBeGreaterThanOrEqual(0);
      expect(graph.pair[request]).toBe(reply);
      expect(graph.pair[reply]).toBe(request);
      expect(graph.from[request]).toBe(graph.to[reply]);
    }
  });

  it('links XFR and RNG to the switchboard logins that used their cookies', () => {
    // frame 170 (tcp.stream 1, 1863 → 44254): "XFR 11 SB 127.0.0.1:1864 CKI 01d494693f56a65c5c02"
    // frame 174 (tcp.stream 6, 44012 → 1864): "USR 1 alice@example.com 01d494693f56a65c5c02"
    // frame 179 (tcp.stream 0, 1863 → 44248): "RNG 2b39de1c… 127.0.0.1:1864 CKI 05e51a3596d17b006657 alice@example.com Alice"
    // frame 184 (tcp.stream 7, 44018 → 1864): "ANS 1 bob@example.com 05e51a3596d17b006657 2b39de1c…"
    for (const [stream, handOff, login, loginStream] of [[1, 170, 174, 6], [0, 179, 184, 7]]) {
      const ns = wholeGraph(session, { kind: 'stream', stream }, 'command');
      const link = ns.link[arrowAt(ns, handOff)];
      expect(link?.frame).toBe(login);
      const there = wholeGraph(session, link!.scope, 'command');
      const arrow = arrowAt(there, login);
      expect(arrow).toBeGreaterThanOrEqual(0);
      expect(there.link[arrow]?.frame).toBe(handOff);
      expect(wholeGraph(session, { kind: 'stream', stream: loginStream }, 'command').frame[0]).toBe(login);
    }
  });

  it('draws a switchboard session with both clients and the switchboard as lanes', () => {
    const sessionId = wholeGraph(session, { kind: 'stream', stream: 1 }, 'command').link.find((l) => l)!.scope;
    const graph = wholeGraph(session, sessionId, 'command');
    expect(graph.lanes.map((l) => l.label)).toEqual(['alice@example.com', 'Switchboard 127.0.0.1:1864', 'bob@example.com']);
    // Both switchboard connections' commands: tcp.stream 6 and 7.
    const six = tsharkSequence(CAPTURES.pecanFileTransfer, 6).length;
    const seven = tsharkSequence(CAPTURES.pecanFileTransfer, 7).length;
    expect(graph.total).toBe(six + seven);
  });

  it('ties each MSNSLP INVITE to its 200 OK', () => {
    // tcp.stream 6 (alice → switchboard), frames 202 and 227: "INVITE MSNMSGR:bob@example.com MSNSLP/1.0"
    // tcp.stream 7 (bob → switchboard), frames 206 and 231: "MSNSLP/1.0 200 OK"
    const scope = wholeGraph(session, { kind: 'stream', stream: 1 }, 'command').link.find((l) => l)!.scope;
    const graph = wholeGraph(session, scope, 'command');
    const ties = graph.answer.map((a, i) => (a > i ? [graph.frame[i], graph.frame[a]] : null)).filter(Boolean);
    expect(ties).toEqual([[202, 206], [227, 231]]);
    expect(graph.summary[arrowAt(graph, 202)]).toContain('invites to file transfer "hello.txt" (145 bytes)');
    expect(graph.summary[arrowAt(graph, 231)]).toContain('accepts file transfer "photo_blob.bin"');
  });

  it('shows the displayed packets: the filter tcp.stream == 6 gives that connection\'s arrows', async () => {
    expect((await session.view('tcp.stream == 6', null)).ok).toBe(true);
    const displayed = wholeGraph(session, { kind: 'displayed' }, 'segment');
    const stream = wholeGraph(session, { kind: 'stream', stream: 6 }, 'segment');
    expect(displayed.frame).toEqual(stream.frame);
    expect(displayed.total).toBe(conversations().get('127.0.0.1:1864|127.0.0.1:44012'));
    await session.view('', null);
  });

  const conversations = () => tsharkConversations(CAPTURES.pecanFileTransfer);

  it('finds the arrow of a frame and pages by index', () => {
    const page = session.flow({ scope: { kind: 'stream', stream: 0 }, unit: 'command', start: 5, count: 3, find: 11 });
    expect(page.start).toBe(5);
    expect(page.frame).toHaveLength(3);
    expect(page.found).toBe(wholeGraph(session, { kind: 'stream', stream: 0 }, 'command').frame.indexOf(11));
  });
});

describe('flow graph of a synthetic switchboard: an error reply and a direct connection', () => {
  const ALICE = 'alice@hotmail.com';
  const BOB = 'bob@hotmail.com';
  const NONCE = '{8C1D1B4C-2E0F-4A6B-9D3E-5F7A1B2C3D4E}';
  const transResp = slp('MSNSLP/1.0 200 OK', {
    from: BOB, to: ALICE, branch: '{A1B2C3D4-1111-2222-3333-444455556666}', cseq: 1, callId: '{9D79AE57-1BD5-444B-B14E-3FC9BB2B5D58}',
    contentType: 'application/x-msnmsgr-transrespbody',
    body: [['Bridge', 'TCPv1'], ['Listening', 'true'], ['Nonce', NONCE], ['IPv4Internal-Addrs', '192.168.1.20'], ['IPv4Internal-Port', '6891']],
  });
  const switchboard = conversationAt(T0_US, {
    client: { ip: '192.168.1.10', port: 1500 },
    server: { ip: '207.46.108.110', port: 1863 },
    messages: [
      { from: 'client', payload: `USR 1 ${ALICE} 4321.8765\r\n` },
      { from: 'server', payload: `USR 1 OK ${ALICE} Alice\r\n` },
      { from: 'client', payload: 'CAL 2 nobody@hotmail.com\r\n' },
      { from: 'server', payload: '217 2\r\n' },
      { from: 'client', payload: `CAL 3 ${BOB}\r\n` },
      { from: 'server', payload: 'CAL 3 RINGING 424242\r\n' },
      { from: 'server', payload: `JOI ${BOB} Bob\r\n` },
      { from: 'server', payload: payloadCommand(`MSG ${BOB} Bob`, p2pMime(ALICE, v1Message(0, 201, transResp), 0)) },
    ],
    fin: false,
  });
  const direct = conversationAt(T0_US + 2_000_000, {
    client: { ip: '192.168.1.10', port: 1600 },
    server: { ip: '192.168.1.20', port: 6891 },
    messages: [{ from: 'client', payload: FOO }],
  });
  const frames = timeline(switchboard, direct);
  let session: AnalysisSession;
  beforeAll(async () => {
    session = await loaded(writeFrames(frames));
  });

  it('colours the numeric error reply and ties it to its request', () => {
    const graph = wholeGraph(session, { kind: 'stream', stream: 0 }, 'command');
    const error = graph.verb.indexOf('217');
    expect(graph.kind[error]).toBe('error');
    expect(graph.verb[graph.pair[error]]).toBe('CAL');
    expect(graph.summary[graph.pair[error]]).toBe('CAL 2 nobody@hotmail.com');
    expect(graph.kind.filter((k) => k === 'error')).toHaveLength(1);
  });

  it('links the 200 OK that offered 192.168.1.20:6891 to the direct connection that used it', () => {
    const graph = wholeGraph(session, { kind: 'stream', stream: 0 }, 'command');
    const offer = graph.link.findIndex((l) => l?.scope.kind === 'stream');
    expect(graph.verb[offer]).toBe('MSG');
    const link = graph.link[offer]!;
    expect(link.scope).toEqual({ kind: 'stream', stream: 1 });
    // The direct connection's first frame is its SYN, the first frame after the switchboard's.
    expect(link.frame).toBe(switchboard.length + 1);
    const there = wholeGraph(session, link.scope, 'segment');
    expect(there.frame[0]).toBe(link.frame);
    expect(there.lanes.map((l) => l.address).sort()).toEqual(['192.168.1.10:1600', '192.168.1.20:6891']);
  });

  it('draws the direct connection into the session\'s diagram after the offer', () => {
    const sb = wholeGraph(session, { kind: 'stream', stream: 0 }, 'command');
    const account = wholeGraph(session, { kind: 'account', account: 'ALICE@hotmail.com' }, 'command');
    expect(account.total).toBe(sb.total + 1);
    expect(account.frame.at(-1)).toBe(switchboard.length + 1);
    expect(account.lanes.some((l) => l.role === 'peer' && l.address === '192.168.1.20:6891')).toBe(true);
  });
});
