// Golden test: Practical Packet Analysis (2006) switchboard chat, from the SYN. Twelve ACK frames
// carry Ethernet trailer bytes that look like MSNP: they must add nothing.
// Expected values: tshark follow,tcp,ascii,0 and -Y 'tcp.payload contains "text/plain"'.
import { beforeAll, expect, it } from 'vitest';
import type { AnalysisResult } from '../../src/shared/model';
import { CAPTURES } from '../helpers/captures';
import { analyze, isoFromEpoch } from './golden-helpers';

let r: AnalysisResult;
beforeAll(async () => {
  r = await analyze(CAPTURES.ppa2006);
});

it('frames exactly the commands on the wire, trailers ignored', () => {
  expect(r.frames).toBe(50);
  expect(r.commandCounts).toEqual({ CAL: 2, JOI: 1, MSG: 20, USR: 2 });
  expect(r.connections).toEqual([
    expect.objectContaining({ role: 'switchboard', client: '192.168.0.114:3331', server: '207.46.26.167:1863', account: 'tesla_brian@hotmail.com', firstFrame: 1 }),
  ]);
});

it('rebuilds the chat with senders, nicknames and times', () => {
  const s = r.sessions[0];
  expect(s.participants.map((p) => [p.account, p.nick])).toEqual([
    ['tesla_brian@hotmail.com', 'Brian'],
    ['tesla_thomas@hotmail.com', 'Thomas'],
  ]);
  expect(s.messages.map((m) => [m.frame, m.from, m.text])).toEqual([
    [13, 'tesla_brian@hotmail.com', 'Hey Brian'],
    [17, 'tesla_thomas@hotmail.com', 'Hey man, whats up?'],
    [23, 'tesla_brian@hotmail.com', 'Not much, did you hear about the new IT guy they hired?'],
    [27, 'tesla_thomas@hotmail.com', 'ohh yea, i hear he is a real jerk'],
    [35, 'tesla_brian@hotmail.com', "I've heard the same"],
    [43, 'tesla_thomas@hotmail.com', 'maybe we should try hacking into a server to mess with him?'],
    [49, 'tesla_brian@hotmail.com', 'sounds good to me'],
  ]);
  expect(s.messages[0].time).toBe(isoFromEpoch('1167359264.069648'));
  expect(s.messages[6].time).toBe(isoFromEpoch('1167359323.921901'));
  expect(s.typing).toBe(13);
  expect(s.sbSessionId).toBe('1835953129');
});
