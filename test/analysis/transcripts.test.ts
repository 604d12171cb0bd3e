// Transcripts of the real captures: messages once each, in wire order, with the texts that
// captures/README.md lists; participants, typing counts, nudges, joins and leaves.
import { describe, expect, it } from 'vitest';
import { captureScript, runScript } from './script';

const REVIVAL_CHAT = [
  ['alice@example.com', 'Hi Bob! This is message 1 from Alice.'],
  ['bob@example.com', 'Hello Alice, Bob here (message 2).'],
  ['alice@example.com', '你好，鲍勃！今天天气很好。'],
  ['bob@example.com', '是的，我们去公园吧 🙂 Ça va? Grüße!'],
  ['alice@example.com', 'Last message from Alice. Bye!'],
];

function onlySession(name: string) {
  const sessions = runScript(captureScript(name)).analysis.sessions();
  expect(sessions).toHaveLength(1);
  return sessions[0];
}

describe('MSNP12 login-presence-chat', () => {
  const s = onlySession('msnp12-pecan-escargot-login-presence-chat');

  it('has the five messages once each, at the first sighting, with nick and delivery', () => {
    expect(s.messages.map((m) => [m.from, m.text])).toEqual(REVIVAL_CHAT);
    // The sender's c2s MSG (frame 211) comes before the relay to bob (frame 212).
    expect(s.messages.map((m) => m.frame)).toEqual([211, 224, 234, 244, 258]);
    expect(s.messages[0]).toMatchObject({ nick: 'Alice', time: '2026-11-23T12:04:30.389089Z', delivery: 'ack', format: { font: 'MS Sans Serif', color: '#000000' } });
    expect(s.messages[1]).toMatchObject({ nick: 'Bob', delivery: 'ack' });
  });

  it('counts three typing notifications and two nudges, each once', () => {
    expect(s.typing).toBe(3);
    const events = s.events ?? [];
    expect(events.filter((e) => e.kind === 'typing').map((e) => e.account)).toEqual(['bob@example.com', 'alice@example.com', 'bob@example.com']);
    expect(events.filter((e) => e.kind === 'nudge').map((e) => [e.frame, e.account])).toEqual([
      [250, 'alice@example.com'],
      [254, 'bob@example.com'],
    ]);
  });

  it('knows who took part and when they came and went', () => {
    expect(s.participants).toEqual([
      { account: 'alice@example.com', nick: 'Alice' },
      { account: 'bob@example.com', nick: 'Bob' },
    ]);
    const roster = (s.events ?? []).filter((e) => e.kind !== 'typing' && e.kind !== 'nudge').map((e) => [e.frame, e.kind, e.account]);
    expect(roster).toEqual([
      [194, 'join', 'alice@example.com'],
      [199, 'ringing', 'bob@example.com'],
      [207, 'join', 'bob@example.com'],
      [282, 'leave', 'bob@example.com'],
      [286, 'leave', 'alice@example.com'],
    ]);
    expect(s.startTime).toBe('2026-11-23T12:04:30.385866Z');
  });
});

describe('MSNP18 (points of presence)', () => {
  const s = onlySession('msnp18-pidgin-escargot-login-presence-chat');

  it('names accounts without ;{guid} and keeps each message once', () => {
    expect(s.messages.map((m) => [m.from, m.text])).toEqual(REVIVAL_CHAT);
    expect(s.participants).toEqual([
      { account: 'alice@example.com', nick: 'Alice' },
      { account: 'bob@example.com', nick: 'Bob' },
    ]);
  });

  it('two JOIs and two BYEs (one per form) are one join and one leave', () => {
    const events = s.events ?? [];
    expect(events.filter((e) => e.kind === 'join' && e.account === 'bob@example.com')).toHaveLength(1);
    expect(events.filter((e) => e.kind === 'leave' && e.account === 'bob@example.com')).toHaveLength(1);
    expect(s.typing).toBe(3);
    expect(events.filter((e) => e.kind === 'nudge').map((e) => e.account)).toEqual(['alice@example.com', 'bob@example.com']);
  });
});

describe('MSNP15 scripted client', () => {
  it('alice types · alice · bob types · bob · alice', () => {
    const s = onlySession('msnp15-scripted-client-escargot-sso-login');
    expect(s.messages.map((m) => [m.from, m.text])).toEqual([
      ['alice@example.com', 'Hello Bob, scripted MSNP15 client here.'],
      ['bob@example.com', '你好 Alice! 收到了。'],
      ['alice@example.com', 'Bye!'],
    ]);
    expect(s.typing).toBe(2);
    expect((s.events ?? []).filter((e) => e.kind === 'leave').map((e) => [e.frame, e.account])).toEqual([
      [191, 'bob@example.com'],
      [196, 'alice@example.com'],
    ]);
  });
});

describe('file transfer capture', () => {
  it('keeps the two chat lines around the P2P traffic', () => {
    const s = onlySession('msnp12-pecan-escargot-file-transfer-p2p');
    expect(s.messages.map((m) => [m.from, m.text])).toEqual([
      ['alice@example.com', 'I am sending you two files now.'],
      ['bob@example.com', 'Got both files, thanks!'],
    ]);
  });
});

describe('PPA 2006 (one side only, ack modes U and N)', () => {
  const s = onlySession('ppa-2006-switchboard-chat');

  it('sender of a client MSG is the connection account; the relay names the other side', () => {
    expect(s.messages.map((m) => [m.frame, m.from, m.nick, m.text])).toEqual([
      [13, 'tesla_brian@hotmail.com', 'Brian', 'Hey Brian'],
      [17, 'tesla_thomas@hotmail.com', 'Thomas', 'Hey man, whats up?'],
      [23, 'tesla_brian@hotmail.com', 'Brian', 'Not much, did you hear about the new IT guy they hired?'],
      [27, 'tesla_thomas@hotmail.com', 'Thomas', 'ohh yea, i hear he is a real jerk'],
      [35, 'tesla_brian@hotmail.com', 'Brian', "I've heard the same"],
      [43, 'tesla_thomas@hotmail.com', 'Thomas', 'maybe we should try hacking into a server to mess with him?'],
      [49, 'tesla_brian@hotmail.com', 'Brian', 'sounds good to me'],
    ]);
    // MSG n N: no receipt unless delivery fails; relays carry no delivery of ours.
    expect(s.messages[0].delivery).toBe('none');
    expect(s.messages[1].delivery).toBeUndefined();
  });

  it('counts every typing notification (13 MSG … text/x-msmsgscontrol in the capture)', () => {
    expect(s.typing).toBe(13);
    expect(s.sbSessionId).toBe('1835953129');
  });
});

describe('2005 sample (one side, five switchboards)', () => {
  it('knows jujurius@msn.com by nick once USR OK told it, and not before', () => {
    const sessions = runScript(captureScript('msnms-2005-wireshark-sample')).analysis.sessions();
    const last = sessions[sessions.length - 1];
    const mine = last.messages.filter((m) => m.from === 'jujurius@msn.com');
    expect(mine[0]).toMatchObject({ frame: 295, nick: 'July(6)' });
    const second = sessions[1];
    expect(second.messages.find((m) => m.from === 'jujurius@msn.com')).toMatchObject({ frame: 43, nick: '', text: 'ouai cest ce que jessaye de faire' });
    // The participant list uses the best name known by the end.
    expect(second.participants).toContainEqual({ account: 'jujurius@msn.com', nick: 'July(6)' });
    expect(second.participants).toContainEqual({ account: 'cecile260992@hotmail.com', nick: 'choupi' });
  });
});
