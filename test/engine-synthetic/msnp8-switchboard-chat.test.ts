// MSNP8: a TWN (Passport) login on the notification server, XFR SB with a CKI cookie, then the
// switchboard: USR with the cookie, CAL/RINGING, JOI, messages with ack mode A answered by ACK
// and NAK, one never answered, an error reply (217 to a CAL) and a request with no reply.
// Texts, accounts and TrIDs are those written below.
import { describe, expect, it } from 'vitest';
import { chatMime, conversationAt, frameContaining, isoUs, payloadCommand, T0_US, timeline, analyzeFrames } from './synthetic';

const ALICE = 'alice@hotmail.com';
const BOB = 'bob@hotmail.com';
const COOKIE = '17262740.1050826919.32308';
const TICKET = 't=53*1hAu8ADuD3TEwdXoOMi08sD*2!cMrntTwVMTjoB3p6stWTqzbkKZPVQzA5NOt19SLI60PY!b8K4YhC!Ooo5ug$$&p=MBbOuhSdf*Fe7AyBvm4fuc8ZM7nXKcHAEtgXCV1E5kRpbhEGU4HKsJ4h7K6EnUm6RjINYRlNPtYXvcZ!fLw8GVKw$$';
const NS = { ip: '207.46.106.118', port: 1863 };
const SB = { ip: '207.46.108.38', port: 1863 };

const TEXT_ACKED = 'Hi Bob, are you there?';
const TEXT_NAKED = 'This one will not arrive.';
const TEXT_REPLY = 'Yes, I am here.';
const TEXT_PENDING = 'Still waiting for a receipt';

const notification = conversationAt(T0_US, {
  client: { ip: '10.0.0.5', port: 1200 },
  server: NS,
  messages: [
    { from: 'client', payload: 'VER 1 MSNP8 CVR0\r\n' },
    { from: 'server', payload: 'VER 1 MSNP8 CVR0\r\n' },
    { from: 'client', payload: `CVR 2 0x0409 winnt 5.1 i386 MSNMSGR 5.0.0540 MSMSGS ${ALICE}\r\n` },
    { from: 'server', payload: 'CVR 2 5.0.0540 5.0.0540 1.0.0000 http://download.microsoft.com/ http://messenger.msn.com\r\n' },
    { from: 'client', payload: `USR 3 TWN I ${ALICE}\r\n` },
    { from: 'server', payload: 'USR 3 TWN S lc=1033,id=507,tw=40,fs=1,ru=http%3A%2F%2Fmessenger%2Emsn%2Ecom,ct=1062764229,kpp=1,kv=5,ver=2.1.0173.1,tpf=43f8a4c8ed940c04e3740be46c4d1619\r\n' },
    { from: 'client', payload: `USR 4 TWN S ${TICKET}\r\n` },
    { from: 'server', payload: `USR 4 OK ${ALICE} Alice%20A 1 0\r\n` },
    { from: 'client', payload: 'CHG 5 NLN 0\r\n' },
    { from: 'server', payload: 'CHG 5 NLN 0\r\n' },
    { from: 'client', payload: 'XFR 6 SB\r\n' },
    { from: 'server', payload: `XFR 6 SB ${SB.ip}:${SB.port} CKI ${COOKIE}\r\n` },
  ],
  fin: false,
});

const switchboard = conversationAt(T0_US + 500_000, {
  client: { ip: '10.0.0.5', port: 1201 },
  server: SB,
  messages: [
    { from: 'client', payload: `USR 1 ${ALICE} ${COOKIE}\r\n` },
    { from: 'server', payload: `USR 1 OK ${ALICE} Alice%20A\r\n` },
    { from: 'client', payload: `CAL 2 ${BOB}\r\n` },
    { from: 'server', payload: 'CAL 2 RINGING 11752013\r\n' },
    { from: 'server', payload: `JOI ${BOB} Bob%20B\r\n` },
    { from: 'client', payload: payloadCommand('MSG 3 A', chatMime(TEXT_ACKED)) },
    { from: 'server', payload: 'ACK 3\r\n' },
    { from: 'client', payload: payloadCommand('MSG 4 A', chatMime(TEXT_NAKED)) },
    { from: 'server', payload: 'NAK 4\r\n' },
    { from: 'server', payload: payloadCommand(`MSG ${BOB} Bob%20B`, chatMime(TEXT_REPLY)) },
    { from: 'client', payload: 'CAL 5 carol@hotmail.com\r\n' },
    { from: 'server', payload: '217 5\r\n' },
    { from: 'client', payload: payloadCommand('MSG 6 A', chatMime(TEXT_PENDING)) },
    { from: 'client', payload: 'CAL 7 dave@hotmail.com\r\n' },
    { from: 'client', payload: 'OUT\r\n' },
  ],
});

const frames = timeline(notification, switchboard);
const result = await analyzeFrames(frames);
const session = result.sessions[0];
const sb = result.connections.find((c) => c.client === '10.0.0.5:1201');
const ns = result.connections.find((c) => c.client === '10.0.0.5:1200');

describe('MSNP8 TWN login', () => {
  it('gives the notification connection its version, client, account and auth method', () => {
    expect(ns).toMatchObject({ role: 'notification', version: 'MSNP8', account: ALICE, authMethod: 'TWN', clientVersion: 'MSNMSGR 5.0.0540' });
  });

  it('never shows the Passport ticket or the switchboard cookie in the result', () => {
    const json = JSON.stringify(result);
    expect(json).not.toContain('53*1hAu8ADuD3TEwdXoOMi08sD');
    expect(json).not.toContain(COOKIE);
  });
});

describe('MSNP8 switchboard chat', () => {
  it('links the switchboard to the notification connection that asked for it', () => {
    expect(sb).toMatchObject({ role: 'switchboard', account: ALICE, notificationConnection: ns?.id });
    expect(result.sessions).toHaveLength(1);
    expect(session.connections).toEqual([sb?.id]);
  });

  it('has both participants', () => {
    expect(session.participants.map((p) => p.account).sort()).toEqual([ALICE, BOB]);
    expect(session.participants.find((p) => p.account === BOB)?.nick).toBe('Bob B');
  });

  it('transcribes the messages in order with sender, frame and time', () => {
    expect(session.messages.map((m) => [m.from, m.text])).toEqual([
      [ALICE, TEXT_ACKED],
      [ALICE, TEXT_NAKED],
      [BOB, TEXT_REPLY],
      [ALICE, TEXT_PENDING],
    ]);
    const first = frameContaining(frames, TEXT_ACKED);
    expect(session.messages[0].frame).toBe(first);
    expect(session.messages[0].time).toBe(isoUs(frames[first - 1].tsUs));
    expect(session.messages[2].nick).toBe('Bob B');
  });

  it('records delivery from the server ACK/NAK (ack mode A)', () => {
    expect(session.messages.map((m) => m.delivery)).toEqual(['ack', 'nak', undefined, 'pending']);
  });

  it('turns the 217 reply to CAL into an expert error with its meaning', () => {
    const frame = frameContaining(frames, '217 5\r\n');
    const error = result.expert.find((e) => e.frame === frame);
    expect(error?.severity).toBe('error');
    expect(error?.message).toMatch(/217/);
    expect(error?.message).toMatch(/not online/i);
    expect(error?.message).toMatch(/CAL 5/);
    expect(result.commandCounts['217']).toBe(1);
  });

  it('notes the request that never got a reply', () => {
    const frame = frameContaining(frames, 'CAL 7 ');
    expect(result.expert.some((e) => e.frame === frame && /CAL 7/.test(e.message))).toBe(true);
  });

  it('notes the NAK', () => {
    const frame = frameContaining(frames, 'NAK 4\r\n');
    expect(result.expert.some((e) => e.frame === frame)).toBe(true);
  });

  it('counts the switchboard commands', () => {
    expect(result.commandCounts).toMatchObject({ CAL: 4, JOI: 1, MSG: 4, ACK: 1, NAK: 1, OUT: 1, XFR: 2 });
  });
});
