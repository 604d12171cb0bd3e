// Helpers for the end-to-end tests on synthetic captures: build MSNP command bytes (with body
// lengths counted from the bytes), lay several TCP conversations on one timeline, write the
// frames as a capture file and run the whole engine (analyzeCaptureFiles) over it.

import type { AnalysisResult } from '../../src/shared/model';
import { analyzeCaptureFiles, type AnalyzeFilesOptions } from '../../src/main/engine/analyze-files';
import { buildPcap, buildPcapng, tcpConversation, writeTempCapture, type ConversationOptions, type FrameSpec } from '../helpers/capture-builder';
import { bytesOf, concatBytes, type Bytes } from '../helpers/packet-builder';

export { tcpConversation, type FrameSpec };

const utf8 = new TextEncoder();

/** Start of the synthetic timeline: 2003-05-06T10:00:00Z. */
export const T0_US = Date.UTC(2003, 4, 6, 10, 0, 0) * 1000;

/** A command line with a body: `${head} ${byte length}\r\n` + body. */
export function payloadCommand(head: string, body: Bytes): Uint8Array {
  const bytes = bytesOf(body);
  return concatBytes(utf8.encode(`${head} ${bytes.length}\r\n`), bytes);
}

/** MIME message text: header lines, a blank line, then the body (CRLF line ends). */
export function mime(headers: string[], body = ''): string {
  return `${headers.join('\r\n')}\r\n\r\n${body}`;
}

export function chatMime(text: string): string {
  return mime(['MIME-Version: 1.0', 'Content-Type: text/plain; charset=UTF-8', 'X-MMS-IM-Format: FN=Arial; EF=; CO=0; CS=0; PF=22'], text);
}

/** A `text/x-msmsgsinvite` message body from its fields, in the order given. */
export function inviteMime(fields: Array<[string, string]>): string {
  return mime(['MIME-Version: 1.0', 'Content-Type: text/x-msmsgsinvite; charset=UTF-8'], `${fields.map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n`);
}

/** Frames of one conversation starting at `startUs` (1 ms between frames). */
export function conversationAt(startUs: number, opts: Omit<ConversationOptions, 'startTsUs'>): FrameSpec[] {
  return tcpConversation({ ...opts, startTsUs: startUs });
}

/** Several conversations merged into one capture in time order (stable for equal times). */
export function timeline(...parts: FrameSpec[][]): FrameSpec[] {
  return parts.flat().map((f, i) => ({ f, i })).sort((a, b) => a.f.tsUs - b.f.tsUs || a.i - b.i).map((x) => x.f);
}

/** 1-based number of the first frame (from `from`, 1-based) whose bytes contain `text`. */
export function frameContaining(frames: FrameSpec[], text: Bytes, from = 1): number {
  const needle = bytesOf(text);
  for (let n = from; n <= frames.length; n++) {
    if (indexOfBytes(frames[n - 1].data, needle) >= 0) return n;
  }
  throw new Error(`no frame contains ${typeof text === 'string' ? JSON.stringify(text) : 'the bytes'}`);
}

export function indexOfBytes(hay: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** Writes the frames as a capture (pcap by default; pcapng when link types differ or asked). */
export function writeFrames(frames: FrameSpec[], format: 'pcap' | 'pcapng' = 'pcap'): string {
  const mixed = frames.some((f) => f.linkType !== frames[0]?.linkType);
  const pcapng = format === 'pcapng' || mixed;
  return writeTempCapture(pcapng ? buildPcapng(frames) : buildPcap(frames), pcapng ? 'capture.pcapng' : 'capture.pcap');
}

/** The whole engine over these frames, written as one capture file. */
export async function analyzeFrames(frames: FrameSpec[], options: AnalyzeFilesOptions = {}, format: 'pcap' | 'pcapng' = 'pcap'): Promise<AnalysisResult> {
  return (await analyzeCaptureFiles([writeFrames(frames, format)], options)).result;
}

export async function analyzePaths(paths: string[], options: AnalyzeFilesOptions = {}): Promise<AnalysisResult> {
  return (await analyzeCaptureFiles(paths, options)).result;
}

/** Microseconds → the model's ISO 8601 UTC time with microseconds. */
export function isoUs(tsUs: number): string {
  const ms = Math.floor(tsUs / 1000);
  return `${new Date(ms).toISOString().slice(0, 19)}.${String(((tsUs % 1_000_000) + 1_000_000) % 1_000_000).padStart(6, '0')}Z`;
}

/** Control characters a terminal would act on (C0 but line feed, DEL, C1) and bidi overrides, as found in `text`. */
export function terminalControls(text: string): string[] {
  const found: string[] = [];
  for (const c of text) {
    const n = c.codePointAt(0) as number;
    if ((n < 0x20 && n !== 0x0a) || (n >= 0x7f && n <= 0x9f) || (n >= 0x202a && n <= 0x202e) || (n >= 0x2066 && n <= 0x2069)) found.push(c);
  }
  return found;
}
