// Messages between the app (LiveCapture) and the capture process, over the Node IPC channel
// with 'advanced' serialization (structured clone, so packet batches travel as raw bytes).
// Requests carry an id and get exactly one reply with that id; events carry no id. Ordering is
// the channel's: every packet batch sent before a reply arrives before it.

import type { CapDevice } from './cap-binding';

export type CaptureRequest =
  | { id: number; op: 'list' }
  | { id: number; op: 'check'; device: string; filter: string }
  | { id: number; op: 'start'; device: string; filter: string; bufferSize: number }
  | { id: number; op: 'stop' }
  | { id: number; op: 'stats' };

export interface CaptureStats {
  /** Packets the capture process received from libpcap. */
  captured: number;
  /**
   * The binding exposes no pcap_stats, so kernel drops are unknown: null. When the capture
   * process itself had to drop packets (the app stopped reading), their count — a lower bound.
   */
  dropped: number | null;
  elapsedSeconds: number;
}

export type CaptureReply =
  | { id: number; ok: false; error: string }
  | { id: number; ok: true; devices: CapDevice[] }
  | { id: number; ok: true; linkType: number; linkName: string; startedUs: number }
  | { id: number; ok: true; stats: CaptureStats }
  | { id: number; ok: true };

export type CaptureEvent =
  /** `batch` is framed as in packet-batch.ts. */
  | { event: 'packets'; count: number; batch: Uint8Array }
  | { event: 'stats'; stats: CaptureStats }
  /** The capture failed while running; the process stops capturing (and exits when told). */
  | { event: 'error'; message: string };

export type CaptureMessage = CaptureReply | CaptureEvent;

/** Packets are flushed to the app at least this often while arriving. */
export const BATCH_INTERVAL_MS = 20;
/** ...and as soon as this many are waiting. */
export const BATCH_MAX_PACKETS = 256;
export const STATS_INTERVAL_MS = 1000;
/**
 * libpcap's kernel buffer. The binding asks for immediate mode, in which Linux libpcap uses
 * TPACKET_V2: a ring of fixed slots sized for the interface MTU. On loopback (MTU 65536) a slot
 * is ~64 KiB, so 16 MiB would hold only ~250 packets and a short burst while the capture
 * process waits for a CPU drops packets; loopback gets a larger ring.
 */
export const DEFAULT_BUFFER_SIZE = 32 * 1024 * 1024;
export const LOOPBACK_BUFFER_SIZE = 128 * 1024 * 1024;

export function defaultBufferSize(device: string): number {
  return /^lo\d*$/.test(device) ? LOOPBACK_BUFFER_SIZE : DEFAULT_BUFFER_SIZE;
}
