// A synthetic capture with offline messages, shared by the engine test
// (offline-messages.test.ts) and the window's (test/e2e/offline-messages.test.ts): alice's
// notification connection sends UUM (the three examples of yellows111's MSNP documentation, "UUM": a text to example@yahoo.com on
// network 32, a typing notification, a nudge; then a text to an MSN contact) and receives a UBM;
// she stores an offline message for bob over the OIM SOAP service in clear (Store2, the shape of
// NINA wiki "MSNP13 Offline IM"); bob's notification connection is told of it
// (text/x-msmsgsoimnotification with Mail-Data) and he fetches it (GetMessage).
// Body lengths are counted from the bytes. The documentation's text example says 85 bytes for a
// body that is 86 with CRLF line ends (19 + 41 + 2 + 24); its typing (90) and nudge (69)
// examples match their bytes exactly.
import { conversationAt, mime, payloadCommand, T0_US, timeline } from './synthetic';

export const ALICE = 'alice@hotmail.com';
export const BOB = 'bob@hotmail.com';
export const YAHOO = 'example@yahoo.com';
export const OIM_ID = '08CBD8BE-9972-433C-A9DA-84A0A725ABFA';
export const TO_BOB = 'Bob, this is an offline message: call me back';
export const STORED = 'Are you there? Stored for later';
const NS = { ip: '65.54.239.140', port: 1863 };

const docText = 'MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nnegatively acknowledged?';
const docTyping = `MIME-Version: 1.0\r\nContent-Type: text/x-msmsgscontrol\r\nTypingUser: example@hotmail.com\r\n\r\n`;
const docNudge = 'MIME-Version: 1.0\r\nContent-Type: text/x-msnmsgr-datacast\r\n\r\nID: 1\r\n\r\n';

function login(account: string, trid: number): Array<{ from: 'client' | 'server'; payload: string }> {
  return [
    { from: 'client', payload: 'VER 1 MSNP15 MSNP14 CVR0\r\n' },
    { from: 'server', payload: 'VER 1 MSNP15\r\n' },
    { from: 'client', payload: `USR ${trid} SSO I ${account}\r\n` },
    { from: 'server', payload: `USR ${trid} OK ${account} 1 0\r\n` },
  ];
}

const base64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
const oimMime = (text: string, extra: string[] = []): string =>
  mime(['MIME-Version: 1.0', 'Content-Type: text/plain; charset=UTF-8', 'Content-Transfer-Encoding: base64', 'X-OIM-Message-Type: OfflineMessage', 'X-OIM-Run-Id: {3A3BE82C-684D-4F4F-8005-CBE8D4F82BAD}', 'X-OIM-Sequence-Num: 1', ...extra], base64(text));

const STORE2 =
  '<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Header>' +
  `<From memberName="${ALICE}" friendlyName="=?utf-8?B?${base64('Alice A')}?=" xml:lang="en-US" proxy="MSNMSGR" xmlns="http://messenger.msn.com/ws/2004/09/oim/" msnpVer="MSNP15" buildVer="8.5.1288.816"/>` +
  `<To memberName="${BOB}" xmlns="http://messenger.msn.com/ws/2004/09/oim/"/>` +
  '<Ticket passport="t=SECRETTICKET&amp;p=" appid="PROD01065C%ZFN6F" lockkey="0557F7F4A33DDB1E09F3D6E9B5D1C6D1" xmlns="http://messenger.msn.com/ws/2004/09/oim/"/>' +
  '</soap:Header><soap:Body><MessageType xmlns="http://messenger.msn.com/ws/2004/09/oim/">text</MessageType>' +
  `<Content xmlns="http://messenger.msn.com/ws/2004/09/oim/">${oimMime(STORED)}</Content></soap:Body></soap:Envelope>`;

const GET_MESSAGE =
  '<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>' +
  `<GetMessage xmlns="http://www.hotmail.msn.com/ws/2004/09/oim/rsi"><messageId>${OIM_ID}</messageId><alsoMarkAsRead>false</alsoMarkAsRead></GetMessage></soap:Body></soap:Envelope>`;

const GET_MESSAGE_RESPONSE =
  '<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>' +
  `<GetMessageResponse xmlns="http://www.hotmail.msn.com/ws/2004/09/oim/rsi"><GetMessageResult>${oimMime(STORED, [`From: =?utf-8?B?${base64('Alice A')}?= &lt;${ALICE}&gt;`, `To: ${BOB}`, 'Date: 15 Nov 2005 14:24:27 -0800'])}</GetMessageResult></GetMessageResponse></soap:Body></soap:Envelope>`;

function http(head: string[], body: string): string {
  return `${head.join('\r\n')}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

const MAIL_DATA = `<MD><E><I>0</I><IU>0</IU><O>0</O><OU>0</OU></E><Q><QTM>409600</QTM><QNM>204800</QNM></Q><M><T>11</T><S>6</S><RT>2005-11-15T22:24:27.000Z</RT><RS>0</RS><SZ>950</SZ><E>${ALICE}</E><I>${OIM_ID}</I><F>00000000-0000-0000-0000-000000000009</F><N>=?utf-8?B?${base64('Alice A')}?=</N></M></MD>`;

const alice = conversationAt(T0_US, {
  client: { ip: '192.168.1.10', port: 50001 },
  server: NS,
  messages: [
    ...login(ALICE, 2),
    { from: 'client', payload: payloadCommand(`UUM 4 ${YAHOO} 32 1`, docText) },
    { from: 'client', payload: payloadCommand(`UUM 5 ${YAHOO} 32 2`, docTyping) },
    { from: 'client', payload: payloadCommand(`UUM 6 ${YAHOO} 32 3`, docNudge) },
    { from: 'client', payload: payloadCommand(`UUM 7 ${BOB} 1 1`, mime(['MIME-Version: 1.0', 'Content-Type: text/plain; charset=UTF-8', 'X-MMS-IM-Format: FN=Segoe%20UI; EF=; CO=0; CS=1; PF=0'], TO_BOB)) },
    { from: 'server', payload: payloadCommand(`UBM ${YAHOO} 32 1`, mime(['MIME-Version: 1.0', 'Content-Type: text/plain; charset=UTF-8'], 'Hi from Yahoo')) },
  ],
});
const store = conversationAt(T0_US + 100_000, {
  client: { ip: '192.168.1.10', port: 50003 },
  server: { ip: '65.54.165.179', port: 80 },
  messages: [
    { from: 'client', payload: http(['POST /OimWS/oim.asmx HTTP/1.1', 'SOAPAction: "http://messenger.live.com/ws/2006/09/oim/Store2"', 'Content-Type: text/xml; charset=utf-8', 'Host: ows.messenger.msn.com'], STORE2) },
    { from: 'server', payload: http(['HTTP/1.1 200 OK', 'Content-Type: text/xml; charset=utf-8'], '<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><StoreResponse xmlns="http://messenger.msn.com/ws/2004/09/oim/"/></soap:Body></soap:Envelope>') },
  ],
});
const bob = conversationAt(T0_US + 200_000, {
  client: { ip: '192.168.1.20', port: 50002 },
  server: NS,
  messages: [
    ...login(BOB, 2),
    { from: 'server', payload: payloadCommand('MSG Hotmail Hotmail', mime(['MIME-Version: 1.0', 'Content-Type: text/x-msmsgsoimnotification; charset=UTF-8'], `Mail-Data: ${MAIL_DATA}\r\n`)) },
  ],
});
const fetch = conversationAt(T0_US + 300_000, {
  client: { ip: '192.168.1.20', port: 50004 },
  server: { ip: '65.54.165.180', port: 80 },
  messages: [
    { from: 'client', payload: http(['POST /rsi/rsi.asmx HTTP/1.1', 'SOAPAction: "http://www.hotmail.msn.com/ws/2004/09/oim/rsi/GetMessage"', 'Content-Type: text/xml; charset=utf-8', 'Host: rsi.hotmail.com'], GET_MESSAGE) },
    { from: 'server', payload: http(['HTTP/1.1 200 OK', 'Content-Type: text/xml; charset=utf-8'], GET_MESSAGE_RESPONSE) },
  ],
});

export const offlineFrames = timeline(alice, store, bob, fetch);
