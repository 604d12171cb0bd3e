// A capture of the MSN 4–6 era invitations (seed 002, hypothetic.org "File transfer"): on one
// switchboard alice invites bob to a file transfer (then ACCEPT/ACCEPT with IP-Address, Port,
// PortX, IP-Address-Internal, PortX-Internal, AuthCookie), to a voice conversation (Chinese
// Application-Name, UDP), to a whiteboard (Chinese name, bob answers with Context-Data), and to
// two more files, one declined and one cancelled after its address was offered. Then bob
// connects to the file address and receives the file over MSNFTP, alice connects to the
// whiteboard address, and bob sends UDP to the voice address.

import { createHash } from 'node:crypto';
import { concatBytes, udpFrame, bytesOf } from '../helpers/packet-builder';
import { conversationAt, inviteMime, payloadCommand, T0_US, timeline, type FrameSpec } from './synthetic';

export const ALICE = 'alice@hotmail.com';
export const BOB = 'bob@hotmail.com';
export const ALICE_LAN = '192.168.0.2';
export const ALICE_WAN = '203.0.113.5';
export const BOB_WAN = '198.51.100.7';

export const FILE_NAME = 'readme.txt';
/** 5000 bytes, more than two MSNFTP blocks of 2045. */
export const FILE_BYTES = Uint8Array.from({ length: 5000 }, (_, i) => (i * 131 + 7) & 0xff);
export const FILE_SHA1 = createHash('sha1').update(FILE_BYTES).digest('hex');

export const FILE_COOKIE = '33267';
export const AUTH_COOKIE = '93301';
export const PORT = 6891;
export const PORTX = 6893;
export const PORTX_INTERNAL = 6894;
export const VOICE_PORT = 5004;
export const WHITEBOARD = { ip: '10.1.1.211', port: 13374 };
export const CANCELLED_PORT = 6895;

const FT_GUID = '{5D3E02AB-6190-11D3-BBBB-00C04F795683}';
const VOICE_GUID = '{02D3C01F-BF30-4825-A83A-DE7AF41648AA}';
/** Seed 002: 语音对话 = e8 af ad e9 9f b3 e5 af b9 e8 af 9d; 白板 = e7 99 bd e6 9d bf. */
const VOICE_NAME = new TextDecoder().decode(Uint8Array.of(0xe8, 0xaf, 0xad, 0xe9, 0x9f, 0xb3, 0xe5, 0xaf, 0xb9, 0xe8, 0xaf, 0x9d));
const WHITEBOARD_NAME = new TextDecoder().decode(Uint8Array.of(0xe7, 0x99, 0xbd, 0xe6, 0x9d, 0xbf));

const fromAlice = (trid: number, fields: Array<[string, string]>) => ({ from: 'client' as const, payload: payloadCommand(`MSG ${trid} N`, inviteMime(fields)) });
const fromBob = (fields: Array<[string, string]>) => ({ from: 'server' as const, payload: payloadCommand(`MSG ${BOB} Bob`, inviteMime(fields)) });

const switchboard = conversationAt(T0_US, {
  client: { ip: ALICE_LAN, port: 1300 },
  server: { ip: '207.46.108.100', port: 1863 },
  messages: [
    { from: 'client', payload: `USR 1 ${ALICE} 8888.9999\r\n` },
    { from: 'server', payload: `USR 1 OK ${ALICE} Alice\r\n` },
    { from: 'client', payload: `CAL 2 ${BOB}\r\n` },
    { from: 'server', payload: 'CAL 2 RINGING 31337\r\n' },
    { from: 'server', payload: `JOI ${BOB} Bob\r\n` },
    // File transfer: INVITE, ACCEPT (asks for the address), ACCEPT with the addresses.
    fromAlice(3, [['Application-Name', 'File Transfer'], ['Application-GUID', FT_GUID], ['Invitation-Command', 'INVITE'], ['Invitation-Cookie', FILE_COOKIE], ['Application-File', FILE_NAME], ['Application-FileSize', String(FILE_BYTES.length)]]),
    fromBob([['Invitation-Command', 'ACCEPT'], ['Invitation-Cookie', FILE_COOKIE], ['Launch-Application', 'FALSE'], ['Request-Data', 'IP-Address:']]),
    fromAlice(4, [
      ['Invitation-Command', 'ACCEPT'],
      ['Invitation-Cookie', FILE_COOKIE],
      ['IP-Address', ALICE_WAN],
      ['IP-Address-Internal', ALICE_LAN],
      ['Port', String(PORT)],
      ['PortX', String(PORTX ^ 0x3141)],
      ['PortX-Internal', String(PORTX_INTERNAL ^ 0x3141)],
      ['AuthCookie', AUTH_COOKIE],
      ['Sender-Connect', 'TRUE'],
      ['Launch-Application', 'FALSE'],
      ['Request-Data', 'IP-Address:'],
    ]),
    // Voice (seed 002 step 5–8): the file-transfer GUID in the seed, SIP_A requested.
    fromAlice(5, [['Application-Name', VOICE_NAME], ['Application-GUID', VOICE_GUID], ['Session-Protocol', 'SM1'], ['Context-Data', 'Requested:SIP_A,;Capabilities:SIP_A,SIP_V,;'], ['Invitation-Command', 'INVITE'], ['Invitation-Cookie', '41414'], ['Session-ID', '{A2F5F0D1-1E56-4D2B-9E7A-6C1B0D3E5F71}']]),
    fromBob([['Invitation-Command', 'ACCEPT'], ['Invitation-Cookie', '41414'], ['Session-ID', '{A2F5F0D1-1E56-4D2B-9E7A-6C1B0D3E5F71}'], ['Session-Protocol', 'SM1'], ['Launch-Application', 'TRUE'], ['Request-Data', 'IP-Address:'], ['IP-Address', BOB_WAN]]),
    fromAlice(6, [['Invitation-Command', 'ACCEPT'], ['Invitation-Cookie', '41414'], ['Session-ID', '{A2F5F0D1-1E56-4D2B-9E7A-6C1B0D3E5F71}'], ['Launch-Application', 'TRUE'], ['IP-Address', `${ALICE_WAN}:${VOICE_PORT}`]]),
    // Whiteboard (seed 002 §7): only a localized name; bob's address comes in Context-Data.
    fromAlice(7, [['Application-Name', WHITEBOARD_NAME], ['Invitation-Command', 'INVITE'], ['Invitation-Cookie', '51515']]),
    fromBob([['Invitation-Command', 'ACCEPT'], ['Invitation-Cookie', '51515'], ['IP-Address', BOB_WAN]]),
    fromBob([['Invitation-Command', 'CONTEXT'], ['Invitation-Cookie', '51515'], ['Context-Data', `${WHITEBOARD.ip}:${WHITEBOARD.port}`]]),
    // A file bob declines.
    fromAlice(8, [['Application-Name', 'File Transfer'], ['Application-GUID', FT_GUID], ['Invitation-Command', 'INVITE'], ['Invitation-Cookie', '777'], ['Application-File', 'secret.zip'], ['Application-FileSize', '1234']]),
    fromBob([['Invitation-Command', 'CANCEL'], ['Invitation-Cookie', '777'], ['Cancel-Code', 'REJECT']]),
    // A file accepted, its address offered, then cancelled before any connection.
    fromAlice(9, [['Application-Name', 'File Transfer'], ['Application-GUID', FT_GUID], ['Invitation-Command', 'INVITE'], ['Invitation-Cookie', '888'], ['Application-File', 'late.bin'], ['Application-FileSize', '99']]),
    fromBob([['Invitation-Command', 'ACCEPT'], ['Invitation-Cookie', '888'], ['Launch-Application', 'FALSE'], ['Request-Data', 'IP-Address:']]),
    fromAlice(10, [['Invitation-Command', 'ACCEPT'], ['Invitation-Cookie', '888'], ['IP-Address', ALICE_WAN], ['Port', String(CANCELLED_PORT)], ['AuthCookie', '4242']]),
    fromAlice(11, [['Invitation-Command', 'CANCEL'], ['Invitation-Cookie', '888'], ['Cancel-Code', 'FTTIMEOUT']]),
  ],
});

/** MSNFTP data blocks: a 3-byte header (0, length low byte, length high byte) and at most 2045 bytes. */
export function msnftpBlocks(file: Uint8Array, blockSize = 2045): Uint8Array {
  const parts: Uint8Array[] = [];
  for (let pos = 0; pos < file.length; pos += blockSize) {
    const chunk = file.subarray(pos, pos + blockSize);
    parts.push(Uint8Array.of(0, chunk.length & 0xff, chunk.length >> 8), chunk);
  }
  return concatBytes(...parts);
}

/** Bob connects to alice's IP-Address:Port (she is the sender and the MSNFTP server). */
const msnftp = conversationAt(T0_US + 5_000_000, {
  client: { ip: BOB_WAN, port: 40000 },
  server: { ip: ALICE_WAN, port: PORT },
  maxSegment: 1000,
  messages: [
    { from: 'client', payload: 'VER MSNFTP\r\n' },
    { from: 'server', payload: 'VER MSNFTP\r\n' },
    { from: 'client', payload: `USR ${BOB} ${AUTH_COOKIE}\r\n` },
    { from: 'server', payload: `FIL ${FILE_BYTES.length}\r\n` },
    { from: 'client', payload: 'TFR\r\n' },
    { from: 'server', payload: msnftpBlocks(FILE_BYTES) },
    { from: 'client', payload: 'BYE 16777989\r\n' },
  ],
});

/** Alice connects to the whiteboard address bob gave (T.120 bytes, not MSNP). */
const whiteboard = conversationAt(T0_US + 6_000_000, {
  client: { ip: ALICE_LAN, port: 1400 },
  server: WHITEBOARD,
  messages: [{ from: 'client', payload: Uint8Array.of(0x03, 0x00, 0x00, 0x0b, 0x06, 0xe0, 0x00, 0x00, 0x00, 0x00, 0x00) }],
});

/** Bob's voice packets to alice's offered UDP address. */
const voice: FrameSpec[] = [0, 1, 2].map((i) => ({
  tsUs: T0_US + 7_000_000 + i * 20_000,
  linkType: 1,
  data: udpFrame({ src: BOB_WAN, dst: ALICE_WAN, srcPort: VOICE_PORT, dstPort: VOICE_PORT, payload: concatBytes(Uint8Array.of(0x80, 0x00, 0, i), bytesOf('RTP-ish audio')) }),
}));

export const legacyFrames: FrameSpec[] = timeline(switchboard, msnftp, whiteboard, voice);
