// DEV ONLY (never part of the product build): a synthetic capture for developing the views
// without the back end — rows, a frame's detail and an analysis result shaped like the engine's.

import { ExpertGrouper } from '../../shared/expert-grouping';
import type { FrameDetail, FrameKind, FrameRow, AnalysisResult, ExpertRecord, TreeNode } from '../../shared/model';

const ALICE = '10.0.0.2';
const BOB = '10.0.0.3';
const SERVER = '10.0.0.1';
const T0 = Date.UTC(2024, 4, 1, 12, 0, 0) * 1000;

const SCRIPT: Array<[string, string, string, FrameKind]> = [
  [ALICE, SERVER, 'VER 1 MSNP12 MSNP11 CVR0', 'msnp'],
  [SERVER, ALICE, 'VER 1 MSNP12', 'msnp'],
  [ALICE, SERVER, 'USR 3 TWN I alice@example.com', 'msnp'],
  [SERVER, ALICE, 'NLN NLN bob@example.com Bob 0', 'presence'],
  [ALICE, SERVER, '', 'tcp'],
  [ALICE, SERVER, 'XFR 9 SB', 'msnp'],
  [ALICE, SERVER, 'MSG 5 A 138 (text/plain) Hi Bob! This is message 1 from Alice.', 'chat'],
  [SERVER, BOB, 'MSG alice@example.com Alice 138 (text/plain)', 'chat'],
  [BOB, SERVER, 'MSG 4 U 92 (text/x-msmsgscontrol)', 'msnp'],
  [BOB, SERVER, 'MSG 5 A 140 (application/x-msnmsgrp2p) INVITE MSNMSGR:alice@example.com', 'p2p'],
  [SERVER, ALICE, '911 12', 'error'],
  [SERVER, ALICE, '', 'tcp'],
  ['10.0.0.9', '10.0.0.255', 'NBNS Name query', 'other'],
];

export function fakeRows(from: number, count: number): FrameRow[] {
  const rows: FrameRow[] = [];
  for (let n = from; n < from + count; n++) {
    const [source, destination, info, kind] = SCRIPT[(n - 1) % SCRIPT.length];
    const tcpOnly = kind === 'tcp';
    rows.push({
      number: n, timeUs: T0 + n * 12_345, source, destination, stream: kind === 'other' ? -1 : 0,
      protocol: kind === 'other' ? 'NBNS' : tcpOnly ? 'TCP' : 'MSNP', length: 54 + info.length,
      info: tcpOnly ? '1863 → 51234 [ACK] Seq=1 Ack=200 Win=501 Len=0' : info, kind,
    });
  }
  return rows;
}

export function fakeDetail(row: FrameRow): FrameDetail {
  const payload = new TextEncoder().encode(row.info ? `${row.info}\r\n` : '');
  const bytes = new Uint8Array(54 + payload.length);
  bytes.set([0, 0x0c, 0x29, 0x3e, 0x5c, 0x11, 0, 0x50, 0x56, 0xc0, 0, 8, 8, 0], 0);
  bytes.set([0x45, 0, 0, 40 + payload.length, 0x1c, 0x46, 0x40, 0, 0x40, 6, 0, 0, 10, 0, 0, 2, 10, 0, 0, 1], 14);
  bytes.set([0xc8, 0x22, 0x07, 0x47, 0, 0, 0x10, 0, 0, 0, 0x20, 0, 0x50, 0x18, 0x01, 0xf5, 0, 0, 0, 0], 34);
  bytes.set(payload, 54);
  const verb = row.info.split(' ')[0] ?? '';
  const tree: TreeNode[] = [
    { label: `Frame ${row.number}: ${bytes.length} bytes on wire`, range: [0, bytes.length] },
    { label: 'Ethernet II, Src: 00:50:56:c0:00:08, Dst: 00:0c:29:3e:5c:11', range: [0, 14], children: [
      { label: 'Destination: 00:0c:29:3e:5c:11', range: [0, 6] }, { label: 'Source: 00:50:56:c0:00:08', range: [6, 6] }, { label: 'Type: IPv4 (0x0800)', range: [12, 2] },
    ] },
    { label: `Internet Protocol Version 4, Src: ${row.source}, Dst: ${row.destination}`, range: [14, 20] },
    { label: 'Transmission Control Protocol, Src Port: 51234, Dst Port: 1863', range: [34, 20] },
  ];
  if (payload.length > 0) {
    tree.push({ label: 'MSN Messenger Service', range: [54, payload.length], children: [
      { label: `Command: ${verb}`, range: [54, verb.length] },
      { label: `Parameters: ${row.info.slice(verb.length + 1)}`, range: [54 + verb.length + 1, Math.max(0, payload.length - verb.length - 3)] },
      ...(row.kind === 'error' ? [{ label: 'Error 911: authentication failed', severity: 'error' as const }] : []),
    ] });
  }
  return { number: row.number, tree, bytes };
}

const iso = (offsetSeconds: number): string => new Date(T0 / 1000 + offsetSeconds * 1000).toISOString().replace('Z', '000Z');

export function fakeResult(frames: number): AnalysisResult {
  const alice = { account: 'alice@example.com', nick: 'Alice' };
  const bob = { account: 'bob@example.com', nick: 'Bob' };
  const expert: ExpertRecord[] = [
    { frame: 11, severity: 'error', message: 'Error 911: authentication failed', connection: 1 },
    { frame: 12, severity: 'warning', message: 'TCP gap of 1460 bytes: 1 command lost', connection: 1 },
    { frame: 1, severity: 'note', message: 'Capture starts mid-session: no VER seen', connection: 1 },
  ];
  const grouper = new ExpertGrouper();
  for (const e of expert) grouper.add(e.frame, e.severity, e.message);
  return {
    captures: [{ path: '/tmp/fake.pcap', format: 'pcap', frames, gzip: false }],
    frames,
    commandCounts: { MSG: 812, USR: 4, VER: 2, NLN: 33, XFR: 2, JOI: 2, BYE: 1 },
    connections: [
      { id: 1, client: `${ALICE}:51234`, server: `${SERVER}:1863`, role: 'notification', version: 'MSNP12', account: 'alice@example.com', firstFrame: 1, lastFrame: 400, transport: 'tcp', commands: 120, clientVersion: 'MSNMSGR 7.5.0324' },
      { id: 2, client: `${ALICE}:51240`, server: `${SERVER}:1864`, role: 'switchboard', version: 'MSNP12', account: 'alice@example.com', firstFrame: 7, lastFrame: 390, transport: 'tcp', commands: 60, session: 1 },
      { id: 3, client: `${BOB}:40110`, server: `${SERVER}:1864`, role: 'switchboard', version: 'MSNP12', account: 'bob@example.com', firstFrame: 8, lastFrame: 391, transport: 'tcp', commands: 58, session: 1 },
    ],
    sessions: [
      {
        id: 1, connections: [2, 3], participants: [alice, bob], typing: 3, startTime: iso(1), endTime: iso(95),
        messages: [
          { frame: 7, time: iso(2), from: alice.account, nick: 'Alice', text: 'Hi Bob! This is message 1 from Alice.' },
          { frame: 20, time: iso(9), from: bob.account, nick: 'Bob', text: 'Hello Alice, Bob here (message 2).' },
          { frame: 33, time: iso(14), from: alice.account, nick: 'Alice', text: '你好，鲍勃！今天天气很好。' },
          { frame: 46, time: iso(21), from: bob.account, nick: 'Bob', text: '是的，我们去公园吧 🙂 Ça va? Grüße!' },
          { frame: 59, time: iso(30), from: alice.account, nick: 'Alice', text: '<img src=x onerror=alert(1)>' },
          { frame: 72, time: iso(44), from: alice.account, nick: 'Alice', text: 'A long line that wraps: '.repeat(6) + 'end.' },
        ],
        events: [
          { frame: 8, time: iso(3), kind: 'join', account: bob.account, nick: 'Bob' },
          { frame: 9, time: iso(8), kind: 'typing', account: bob.account, nick: 'Bob' },
          { frame: 60, time: iso(31), kind: 'nudge', account: bob.account, nick: 'Bob' },
          { frame: 10, time: iso(33), kind: 'invitation', account: bob.account, nick: 'Bob', detail: 'file transfer hello.txt (145 bytes)' },
          { frame: 90, time: iso(95), kind: 'leave', account: bob.account, nick: 'Bob' },
        ],
      },
      { id: 2, connections: [], participants: [alice], typing: 0, messages: [], startTime: iso(100), endTime: iso(160) },
    ],
    contacts: [
      { account: 'alice@example.com', nick: 'Alice', groups: ['Friends'], lists: ['FL', 'AL'] },
      { account: 'bob@example.com', nick: 'Bob', groups: ['Friends'], lists: ['FL', 'AL', 'RL'] },
    ],
    presence: [
      { frame: 4, time: iso(1), account: 'bob@example.com', status: 'NLN', nick: 'Bob', seenBy: [{ connection: 1, account: 'alice@example.com', frame: 4 }] },
      { frame: 17, time: iso(5), account: 'bob@example.com', status: 'AWY', nick: 'Bob', personalMessage: 'Bob is busy now', seenBy: [{ connection: 1, account: 'alice@example.com', frame: 17 }] },
    ],
    offlineMessages: [
      { frame: 95, time: iso(120), source: 'UUM', from: 'alice@example.com', nick: 'Alice', to: 'bob@example.com', text: 'Sorry I missed you, this is an offline message.', networkId: 1, connections: [1] },
    ],
    endpoints: [
      { frame: 10, kind: 'file-transfer', transport: 'tcp', address: '192.168.1.20', port: 6891, scope: 'internal', offeredBy: 'bob@example.com', offeredTo: 'alice@example.com', status: 'accepted', source: 'msnslp', file: { name: 'hello.txt', size: 145 }, observed: true },
      { frame: 10, kind: 'file-transfer', transport: 'tcp', address: '203.0.113.7', port: 6891, scope: 'external', offeredBy: 'bob@example.com', offeredTo: 'alice@example.com', status: 'offered', source: 'msnslp', file: { name: 'hello.txt', size: 145 }, observed: false },
    ],
    files: [
      { frame: 10, kind: 'file-transfer', name: 'hello.txt', size: 145, sha1: '128a92f3b4c39a4f715d4e67cdea53043dda58ef', from: 'bob@example.com', to: 'alice@example.com', complete: true, via: 'switchboard' },
      { frame: 23, kind: 'file-transfer', name: 'photo_blob.bin', size: 20000, sha1: null, from: 'bob@example.com', to: 'alice@example.com', complete: false, received: 9616, via: 'switchboard' },
    ],
    transfers: [
      { frame: 8, time: iso(2), source: 'msnslp', via: 'switchboard', kind: 'file-transfer', name: 'hello.txt', size: 145, from: 'bob@example.com', to: 'alice@example.com', session: 1, id: '{9D79AE57-1BD5-444B-B14E-3FC9BB2B5D58}', sessionId: 94044, fate: 'confirmed', accepted: { by: 'alice@example.com', frame: 9, time: iso(3), reason: '200 OK' }, declined: null, cancelled: null, received: 145, complete: true, confirmed: { by: 'alice@example.com', frame: 11, time: iso(4), how: 'ACK' }, firstDataFrame: 10, lastDataFrame: 10, lastDataTime: iso(4), dataVia: 'switchboard', file: 0 },
      { frame: 20, time: iso(6), source: 'msnslp', via: 'switchboard', kind: 'file-transfer', name: 'photo_blob.bin', size: 20000, from: 'bob@example.com', to: 'alice@example.com', session: 1, id: '{0E4B5A6C-7D8E-4F90-A1B2-C3D4E5F60718}', sessionId: 94045, fate: 'stalled', accepted: { by: 'alice@example.com', frame: 21, time: iso(6), reason: '200 OK' }, declined: null, cancelled: null, received: 9616, complete: false, confirmed: null, firstDataFrame: 23, lastDataFrame: 30, lastDataTime: iso(8), dataVia: 'switchboard', file: 1 },
    ],
    expert,
    expertGroups: grouper.all(),
  };
}
