// Files sent the MSN 6 way, for synthetic scenarios: alice opens a switchboard and calls bob, offers each over a switchboard with
// legacy invitations (INVITE, bob's ACCEPT, alice's ACCEPT with her IP-Address, Port and
// AuthCookie), then bob fetches it from her over MSNFTP (VER, USR, FIL, TFR, 2045-byte blocks, BYE).

import type { ConversationMessage } from '../helpers/capture-builder';
import { conversationAt, inviteMime, payloadCommand, type FrameSpec } from './synthetic';
import { msnftpBlocks } from './legacy-scenario';

/** Alice's side of opening a switchboard and calling bob, who joins under the nick `nickRaw` (as sent, URL-encoded). */
export function aliceCallsBob(alice: string, bob: string, nickRaw: string): ConversationMessage[] {
  return [
    { from: 'client', payload: `USR 1 ${alice} 8888.9999\r\n` },
    { from: 'server', payload: `USR 1 OK ${alice} Alice\r\n` },
    { from: 'client', payload: `CAL 2 ${bob}\r\n` },
    { from: 'server', payload: 'CAL 2 RINGING 31338\r\n' },
    { from: 'server', payload: `JOI ${bob} ${nickRaw}\r\n` },
  ];
}

const FT_GUID = '{5D3E02AB-6190-11D3-BBBB-00C04F795683}';

export interface LegacyOffer { trid: number; cookie: string; auth: string; port: number; name: string; size: number }

/** The three invitation messages of one offer on the switchboard; `bobHead` is bob's MSG line head ("MSG bob@… Nick"). */
export function offerMessages(o: LegacyOffer, aliceIp: string, bobHead: string): ConversationMessage[] {
  const fromAlice = (trid: number, fields: Array<[string, string]>): ConversationMessage => ({ from: 'client', payload: payloadCommand(`MSG ${trid} N`, inviteMime(fields)) });
  const fromBob = (fields: Array<[string, string]>): ConversationMessage => ({ from: 'server', payload: payloadCommand(bobHead, inviteMime(fields)) });
  return [
    fromAlice(o.trid, [['Application-Name', 'File Transfer'], ['Application-GUID', FT_GUID], ['Invitation-Command', 'INVITE'], ['Invitation-Cookie', o.cookie], ['Application-File', o.name], ['Application-FileSize', String(o.size)]]),
    fromBob([['Invitation-Command', 'ACCEPT'], ['Invitation-Cookie', o.cookie], ['Launch-Application', 'FALSE'], ['Request-Data', 'IP-Address:']]),
    fromAlice(o.trid + 1, [['Invitation-Command', 'ACCEPT'], ['Invitation-Cookie', o.cookie], ['IP-Address', aliceIp], ['Port', String(o.port)], ['AuthCookie', o.auth], ['Launch-Application', 'FALSE']]),
  ];
}

/** Bob (`bob` account at `bobIp`) fetches `sent` from alice's MSNFTP server at `aliceIp`:`o.port`. */
export function msnftpTransfer(o: LegacyOffer, sent: Uint8Array, at: number, bob: { account: string; ip: string }, aliceIp: string): FrameSpec[] {
  return conversationAt(at, {
    client: { ip: bob.ip, port: 40000 + o.trid },
    server: { ip: aliceIp, port: o.port },
    maxSegment: 1000,
    messages: [
      { from: 'client', payload: 'VER MSNFTP\r\n' },
      { from: 'server', payload: 'VER MSNFTP\r\n' },
      { from: 'client', payload: `USR ${bob.account} ${o.auth}\r\n` },
      { from: 'server', payload: `FIL ${o.size}\r\n` },
      { from: 'client', payload: 'TFR\r\n' },
      { from: 'server', payload: msnftpBlocks(sent) },
      { from: 'client', payload: 'BYE 16777989\r\n' },
    ],
  });
}
