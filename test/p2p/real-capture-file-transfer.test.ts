// The two MSNSLP file transfers of the real msn-pecan ↔ Escargot capture, rebuilt from the MSG
// bodies of both clients' switchboard connections (every P2P message appears twice: sent by
// alice on her connection, relayed to bob on his). Expected names, sizes and SHA-1s are those of
// test/fixtures/captures/README.md; the message counts were checked with
// `tshark -Y 'tcp.port==1864 && tcp.len>0' -T fields -e frame.number -e tcp.stream -e tcp.payload`.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { ExpertLog } from '../../src/main/engine/analysis/expert-log';
import type { MessageContext } from '../../src/main/engine/message/message-context';
import { parseMimeMessage } from '../../src/main/engine/message/parse-mime-message';
import { P2pTracker, type SessionEventLike } from '../../src/main/engine/p2p/p2p-tracker';
import { CAPTURES } from '../helpers/captures';
import { readSwitchboardMsgs, type CapturedMsg } from './capture-msg-bodies';

const msgs = readSwitchboardMsgs(CAPTURES.pecanFileTransfer, 1864);
const connections = [...new Set(msgs.map((m) => m.connection))];

function context(m: CapturedMsg, duplicate: boolean): MessageContext {
  // Client → server: the connection's own account; server → client: "MSG account nick len".
  const from = m.direction === 'c2s' ? m.account : m.line.split(' ')[1];
  const other = from === 'alice@example.com' ? 'bob@example.com' : 'alice@example.com';
  return { connection: connections.indexOf(m.connection) + 1, session: 1, from, fromNick: null, to: [other], frame: m.frame, tsUs: 0, duplicate };
}

function run(markDuplicates: boolean): { tracker: P2pTracker; events: SessionEventLike[]; expert: ExpertLog } {
  const expert = new ExpertLog();
  const tracker = new P2pTracker(expert);
  const events: SessionEventLike[] = [];
  for (const m of msgs) {
    const message = parseMimeMessage(m.body);
    if (message.contentType !== 'application/x-msnmsgrp2p') continue;
    // The relayed copy (server → client) is the second sighting of each message.
    const event = tracker.onP2pMessage(context(m, markDuplicates && m.direction === 's2c'), message);
    if (event) events.push(event);
  }
  return { tracker, events, expert };
}

describe('P2P file transfers of msnp12-pecan-escargot-file-transfer-p2p.pcap', () => {
  it('finds the switchboard messages tshark shows', () => {
    expect(msgs).toHaveLength(62);
    expect(connections).toHaveLength(2);
    // hello.txt's single data chunk: sent in frame 212, relayed in frame 216.
    const data = msgs.filter((m) => m.line === 'MSG 6 D 285' || m.line === 'MSG alice@example.com Alice 285').map((m) => m.frame);
    expect(data).toEqual([212, 216]);
  });

  for (const markDuplicates of [false, true]) {
    it(`rebuilds hello.txt and photo_blob.bin with the README's SHA-1s (duplicate flags ${markDuplicates ? 'set' : 'not set'})`, () => {
      const { tracker } = run(markDuplicates);
      const files = tracker.files();
      expect(files.map((f) => [f.name, f.size, f.sha1, f.complete, f.received])).toEqual([
        ['hello.txt', 145, '128a92f3b4c39a4f715d4e67cdea53043dda58ef', true, 145],
        ['photo_blob.bin', 20000, 'e933a1e595562397e87fab7f9118e7eaf6674b53', true, 20000],
      ]);
      for (const f of files) expect(f).toMatchObject({ kind: 'file-transfer', from: 'alice@example.com', to: 'bob@example.com', via: 'switchboard', session: 1 });
      // The INVITE (frame 202) opened each file record.
      expect(files[0].frame).toBe(202);
      // The kept bytes are the file itself.
      const bytes = tracker.fileBytes(1)!;
      expect(bytes).toHaveLength(20000);
      expect(createHash('sha1').update(bytes).digest('hex')).toBe('e933a1e595562397e87fab7f9118e7eaf6674b53');
      expect(new TextDecoder().decode(tracker.fileBytes(0)!).startsWith('Hello Bob!\nThis is hello.txt')).toBe(true);
    });
  }

  it('tells the transcript each step once, although every message is seen twice', () => {
    const { events, expert } = run(false);
    expect(events.map((e) => `${e.kind}: ${e.detail}`)).toEqual([
      'invitation: invites to file transfer "hello.txt" (145 bytes) (MSNSLP session 846930890)',
      'invitation: accepts file transfer "hello.txt"',
      'file: file transfer "hello.txt" complete (145 bytes, SHA-1 128a92f3b4c39a4f715d4e67cdea53043dda58ef)',
      'invitation: invites to file transfer "photo_blob.bin" (20000 bytes) (MSNSLP session 846930891)',
      'invitation: accepts file transfer "photo_blob.bin"',
      'file: file transfer "photo_blob.bin" complete (20000 bytes, SHA-1 e933a1e595562397e87fab7f9118e7eaf6674b53)',
    ]);
    expect(expert.all().filter((e) => e.severity !== 'note')).toEqual([]);
  });

  it('negotiates no direct connection here (everything went through the switchboard)', () => {
    expect(run(false).tracker.endpoints()).toEqual([]);
  });
});
