// MSNP21 (Messenger 2012): no switchboard. Chat messages travel in SDG on the notification
// connection (a Routing block naming 1:sender and 1:recipient, a Reliability block, then the
// Messaging block with the text), presence in NFY PUT (a /user document with Status,
// FriendlyName, PSM) and NFY DEL (the contact left). Expected values are those written below.
import { describe, expect, it } from 'vitest';
import { analyzeFrames, conversationAt, frameContaining, isoUs, payloadCommand, T0_US } from './synthetic';

const ALICE = 'alice@live.com';
const BOB = 'bob@live.com';
const ALICE_EPID = '{F52973B6-C926-4BAD-9BA8-7C1E840E4AB0}';
const BOB_EPID = '{2B3C4D5E-6F70-4182-93A4-B5C6D7E8F901}';
const HELLO = 'Hello from MSNP21';
const REPLY = 'Hi Alice! 你好';
const PSM = 'Working on MSNP21';

const block = (lines: string[]): string => `${lines.join('\r\n')}\r\n\r\n`;

function sdg(from: string, to: string, text: string): string {
  const body = new TextEncoder().encode(text);
  return (
    block(['Routing: 1.0', `To: 1:${to}`, `From: 1:${from};epid=${from === ALICE ? ALICE_EPID : BOB_EPID}`]) +
    block(['Reliability: 1.0']) +
    block(['Messaging: 2.0', 'Message-Type: Text', 'Content-Transfer-Encoding: 7bit', 'Content-Type: text/plain; charset=UTF-8', `Content-Length: ${body.length}`, 'X-MMS-IM-Format: FN=Segoe%20UI; EF=; CO=0; CS=1; PF=0']) +
    text
  );
}

function nfy(from: string, xml: string): string {
  return (
    block(['Routing: 1.0', `To: 1:${ALICE};epid=${ALICE_EPID}`, `From: 1:${from}`]) +
    block(['Reliability: 1.0']) +
    block(['Notification: 1.0', 'NotifNum: 0', 'Uri: /user', 'NotifType: Partial', 'Content-Type: application/user+xml', `Content-Length: ${new TextEncoder().encode(xml).length}`]) +
    xml
  );
}

const ONLINE = `<user><s n="IM"><Status>NLN</Status><CurrentMedia></CurrentMedia></s><s n="PE"><UserTileLocation></UserTileLocation><FriendlyName>Bob%20B</FriendlyName><PSM>${PSM}</PSM><RUM></RUM><RLT>0</RLT></s><sep n="IM" epid="${BOB_EPID}"><Capabilities>2955186480:2609258384</Capabilities></sep></user>`;
const OFFLINE = `<user><s n="IM"><Status>FLN</Status></s><sep n="IM" epid="${BOB_EPID}"/></user>`;

const frames = conversationAt(T0_US, {
  client: { ip: '192.168.5.5', port: 51000 },
  server: { ip: '65.54.239.140', port: 1863 },
  messages: [
    { from: 'client', payload: 'VER 1 MSNP21 CVR0\r\n' },
    { from: 'server', payload: 'VER 1 MSNP21\r\n' },
    { from: 'client', payload: `CVR 2 0x0409 winnt 6.1.0 i386 MSNMSGR 16.4.3528 MSNMSGR ${ALICE} 0\r\n` },
    { from: 'server', payload: 'CVR 2 16.4.3528 16.4.3528 16.4.3528 http://msgruser.dlservice.microsoft.com http://windowslive.com\r\n' },
    { from: 'client', payload: `USR 3 SSO I ${ALICE}\r\n` },
    { from: 'server', payload: 'USR 3 SSO S MBI_KEY_OLD 8CLhG/xfgYZ7TyRQ/jIAWyDmd/w4R4GF2yKLS6tYrnjzi4cFag/Nr+hxsfg5zlCf\r\n' },
    { from: 'client', payload: `USR 4 SSO S t=EwCoAq+wEgAUAQ== HAAAAAEAAAADZgAABIAAAA== ${ALICE_EPID}\r\n` },
    { from: 'server', payload: `USR 4 OK ${ALICE} 1 0\r\n` },
    { from: 'server', payload: payloadCommand('NFY PUT', nfy(BOB, ONLINE)) },
    { from: 'client', payload: payloadCommand('SDG 5', sdg(ALICE, BOB, HELLO)) },
    { from: 'server', payload: payloadCommand('SDG 0', sdg(BOB, ALICE, REPLY)) },
    { from: 'server', payload: payloadCommand('NFY DEL', nfy(BOB, OFFLINE)) },
  ],
});

const result = await analyzeFrames(frames);

describe('MSNP21 notification connection', () => {
  it('is a notification connection speaking MSNP21 for alice, logged in with SSO', () => {
    expect(result.connections).toHaveLength(1);
    expect(result.connections[0]).toMatchObject({ role: 'notification', version: 'MSNP21', account: ALICE, authMethod: 'SSO' });
  });

  it('frames the payload commands (NFY, SDG) and counts them', () => {
    expect(result.commandCounts).toMatchObject({ NFY: 2, SDG: 2, USR: 4, VER: 2, CVR: 2 });
    // (Whether the server answers SDG is not settled here: only framing complaints count.)
    expect(result.expert.filter((e) => e.severity !== 'note' && !/^no reply to SDG/.test(e.message))).toEqual([]);
  });
});

describe('MSNP21 SDG messages', () => {
  it('make one conversation between alice and bob', () => {
    expect(result.sessions).toHaveLength(1);
    expect(result.sessions[0].participants.map((p) => p.account).sort()).toEqual([ALICE, BOB]);
    expect(result.sessions[0].connections).toEqual([result.connections[0].id]);
  });

  it('transcribe both texts with sender, frame and time', () => {
    const hello = frameContaining(frames, HELLO);
    const reply = frameContaining(frames, REPLY);
    expect(result.sessions[0].messages.map(({ frame, time, from, text }) => ({ frame, time, from, text }))).toEqual([
      { frame: hello, time: isoUs(frames[hello - 1].tsUs), from: ALICE, text: HELLO },
      { frame: reply, time: isoUs(frames[reply - 1].tsUs), from: BOB, text: REPLY },
    ]);
  });
});

describe('MSNP21 NFY presence', () => {
  it('PUT gives bob\'s status, nick and personal message; DEL takes him offline', () => {
    const put = frameContaining(frames, 'NFY PUT');
    const del = frameContaining(frames, 'NFY DEL');
    const bob = result.presence.filter((p) => p.account === BOB);
    expect(bob.map(({ frame, status }) => ({ frame, status }))).toEqual([
      { frame: put, status: 'NLN' },
      { frame: del, status: 'FLN' },
    ]);
    expect(bob[0]).toMatchObject({ nick: 'Bob B', personalMessage: PSM, time: isoUs(frames[put - 1].tsUs) });
  });

  it('names bob by his nick in the transcript', () => {
    expect(result.sessions[0].messages[1].nick).toBe('Bob B');
  });
});
