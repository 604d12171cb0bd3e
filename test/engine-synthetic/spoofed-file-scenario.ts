// A hostile switchboard chat (hand-built, MSN 6 era): bob's nick ends in an unterminated
// right-to-left override (JOI bob Bob%E2%80%AE…), and alice sends two files over legacy
// invitations and MSNFTP, both Windows executables (bytes starting "MZ"):
//  - `invoice<U+202E>gpj.exe`, which a bidi-honouring window shows as `invoiceexe.jpg`;
//  - `photo.jpg`, an executable under an image extension, of which only the first 2045-byte
//    block is sent although FIL declares 1,000,000 bytes (so it stays incomplete).

import { conversationAt, payloadCommand, chatMime, T0_US, timeline, type FrameSpec } from './synthetic';
import { ALICE, BOB } from './legacy-scenario';
import { aliceCallsBob, msnftpTransfer, offerMessages, type LegacyOffer } from './legacy-file-offers';

export const ALICE_IP = '203.0.113.9';
export const BOB_IP = '198.51.100.20';

export const RLO_NAME = 'invoice\u202Egpj.exe';
export const FAKE_JPG = 'photo.jpg';
/** Bob's nick as sent (URL-encoded) and as decoded: "Bob" then RLO then "evil". */
export const NICK_RAW = 'Bob%E2%80%AEevil';
export const NICK = 'Bob\u202Eevil';
/** Chat text with an override of its own, to be seen in the packet list's Info and the transcript. */
export const CHAT_TEXT = 'see the \u202Einvoice';

/** A small "executable": MZ header then filler. */
export const EXE_BYTES = Uint8Array.from({ length: 300 }, (_, i) => (i === 0 ? 0x4d : i === 1 ? 0x5a : (i * 7) & 0xff));
export const DECLARED_JPG_SIZE = 1_000_000;
export const JPG_SENT = Uint8Array.from({ length: 2045 }, (_, i) => (i === 0 ? 0x4d : i === 1 ? 0x5a : (i * 13) & 0xff));

const offers: LegacyOffer[] = [
  { trid: 3, cookie: '1001', auth: '5001', port: 6891, name: RLO_NAME, size: EXE_BYTES.length },
  { trid: 5, cookie: '1002', auth: '5002', port: 6892, name: FAKE_JPG, size: DECLARED_JPG_SIZE },
];

const switchboard = conversationAt(T0_US, {
  client: { ip: ALICE_IP, port: 1300 },
  server: { ip: '207.46.108.101', port: 1863 },
  messages: [
    ...aliceCallsBob(ALICE, BOB, NICK_RAW),
    { from: 'server', payload: payloadCommand(`MSG ${BOB} ${NICK_RAW}`, chatMime(CHAT_TEXT)) },
    ...offers.flatMap((o) => offerMessages(o, ALICE_IP, `MSG ${BOB} ${NICK_RAW}`)),
  ],
});

/** Bob fetches each file from alice over MSNFTP. */
const msnftp = (o: LegacyOffer, sent: Uint8Array, at: number): FrameSpec[] => msnftpTransfer(o, sent, at, { account: BOB, ip: BOB_IP }, ALICE_IP);

export const spoofedFrames: FrameSpec[] = timeline(switchboard, msnftp(offers[0], EXE_BYTES, T0_US + 5_000_000), msnftp(offers[1], JPG_SENT, T0_US + 6_000_000));
