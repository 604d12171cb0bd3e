// A hostile switchboard chat for the export tests (hand-built, MSN 6 era). Bob's nick is markup
// with a right-to-left override (`<img src=x onerror=alert(1)>` RLO `evil`, URL-encoded in JOI
// and MSG as clients send it); the chat holds a script tag, an override and a two-line message.
// Alice then sends four files over legacy invitations and MSNFTP: a real 240×160 PNG
// (`sunset.png`), a text file with markup and an override in it (`notes.txt`), an SVG with a
// script (`badge.svg`, which must be shown as text, never drawn) and a Windows executable whose
// name hides its extension behind an override (`holiday<U+202E>gnp.exe`, shown as `holidayexe.png`
// by a window that honours bidi: flagged as a spoofed name).

import { createHash } from 'node:crypto';
import { pngImage } from '../helpers/png-image';
import { chatMime, conversationAt, payloadCommand, T0_US, timeline, type FrameSpec } from './synthetic';
import { ALICE, BOB } from './legacy-scenario';
import { aliceCallsBob, msnftpTransfer, offerMessages, type LegacyOffer } from './legacy-file-offers';

export const ALICE_IP = '203.0.113.44';
export const BOB_IP = '198.51.100.66';

export const HOSTILE_NICK = '<img src=x onerror=alert(1)>\u202Eevil';
const NICK_RAW = encodeURIComponent(HOSTILE_NICK);
export const SCRIPT_TEXT = '<script>alert("pwned")</script> hi';
export const RLO_TEXT = 'open the \u202Etxt.exe file';
export const TWO_LINES = 'first line\r\nsecond line';

/** A sunset: a sky from blue to orange, a yellow sun low in the middle, dark sea below. */
export const PNG_BYTES = pngImage(240, 160, (x, y) => {
  if (y >= 120) return [20, 40 + ((x * 7 + y * 3) % 23), 90];
  if ((x - 120) ** 2 + (y - 110) ** 2 < 900) return [255, 214, 60];
  return [40 + Math.round(y * 1.6), 50 + Math.round(y * 0.6), 190 - y];
});
export const TEXT_FILE = 'Meeting notes <b>not bold</b>\nline two \u202Eevil\n';
export const TEXT_BYTES = new TextEncoder().encode(TEXT_FILE);
export const SVG_BYTES = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(3)</script></svg>\n');
export const SPOOFED_NAME = 'holiday\u202Egnp.exe';
/** A small "executable": MZ header then filler. */
export const EXE_BYTES = Uint8Array.from({ length: 400 }, (_, i) => (i === 0 ? 0x4d : i === 1 ? 0x5a : (i * 11) & 0xff));

export const sha1 = (bytes: Uint8Array): string => createHash('sha1').update(bytes).digest('hex');

const offers: LegacyOffer[] = [
  { trid: 3, cookie: '2001', auth: '7001', port: 6891, name: 'sunset.png', size: PNG_BYTES.length },
  { trid: 5, cookie: '2002', auth: '7002', port: 6892, name: 'notes.txt', size: TEXT_BYTES.length },
  { trid: 7, cookie: '2003', auth: '7003', port: 6893, name: 'badge.svg', size: SVG_BYTES.length },
  { trid: 9, cookie: '2004', auth: '7004', port: 6894, name: SPOOFED_NAME, size: EXE_BYTES.length },
];
export const SENT_FILES = [PNG_BYTES, TEXT_BYTES, SVG_BYTES, EXE_BYTES];

const bobSays = (text: string) => ({ from: 'server' as const, payload: payloadCommand(`MSG ${BOB} ${NICK_RAW}`, chatMime(text)) });

const switchboard = conversationAt(T0_US, {
  client: { ip: ALICE_IP, port: 1300 },
  server: { ip: '207.46.108.101', port: 1863 },
  messages: [
    ...aliceCallsBob(ALICE, BOB, NICK_RAW),
    bobSays(SCRIPT_TEXT),
    { from: 'client', payload: payloadCommand('MSG 20 N', chatMime(RLO_TEXT)) },
    bobSays(TWO_LINES),
    ...offers.flatMap((o) => offerMessages(o, ALICE_IP, `MSG ${BOB} ${NICK_RAW}`)),
  ],
});

export const exportFrames: FrameSpec[] = timeline(switchboard, ...offers.map((o, i) => msnftpTransfer(o, SENT_FILES[i], T0_US + 5_000_000 + i * 1_000_000, { account: BOB, ip: BOB_IP }, ALICE_IP)));
