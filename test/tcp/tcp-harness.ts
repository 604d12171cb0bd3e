// Test harness for TCP reassembly: builds DecodedPacket objects from compact segment rows and
// records every handler call as a short string, so cases read as "segments in, deliveries out".
//   event strings: `<dir>:data:<text>@<frame>`, `<dir>:gap:<lost>@<frame>`,
//                  `<dir>:end:<reason>@<frame>`, `<dir>:note:<kind>@<frame>`

import type { DecodedPacket } from '../../src/main/engine/decode/decoded-packet';
import { TCP_ACK, TCP_FIN, TCP_PSH, TCP_RST, TCP_SYN } from '../../src/main/engine/decode/decoded-packet';
import type { StreamHandler, StreamInfo } from '../../src/main/engine/tcp/stream-handler';
import { TcpReassembler, type TcpReassemblerOptions } from '../../src/main/engine/tcp/tcp-reassembler';

export const CLIENT = { ip: '10.0.0.1', port: 50000 };
export const SERVER = { ip: '10.0.0.2', port: 1863 };

export interface Segment {
  /** 'c' client 10.0.0.1:50000, 's' server 10.0.0.2:1863. */
  from: 'c' | 's';
  seq: number;
  ack?: number;
  /** Letters S A F R P (an `ack` value implies A). */
  flags?: string;
  data?: string;
  /** Defaults to the 1-based position in the list. */
  frame?: number;
  /** Defaults to frame × 1000 µs. */
  tsUs?: number;
  /** Another client port: another 4-tuple. */
  clientPort?: number;
}

export function packet(segment: Segment): DecodedPacket {
  const client = { ip: CLIENT.ip, port: segment.clientPort ?? CLIENT.port };
  const [src, dst] = segment.from === 'c' ? [client, SERVER] : [SERVER, client];
  const letters = segment.flags ?? '';
  let flags = 0;
  if (letters.includes('S')) flags |= TCP_SYN;
  if (letters.includes('A') || segment.ack !== undefined) flags |= TCP_ACK;
  if (letters.includes('F')) flags |= TCP_FIN;
  if (letters.includes('R')) flags |= TCP_RST;
  if (letters.includes('P')) flags |= TCP_PSH;
  return {
    ipVersion: 4,
    src: src.ip,
    dst: dst.ip,
    protocol: 6,
    srcPort: src.port,
    dstPort: dst.port,
    tcp: { seq: segment.seq >>> 0, ack: (segment.ack ?? 0) >>> 0, flags, window: 65535 },
    payload: new TextEncoder().encode(segment.data ?? ''),
  };
}

/** The usual opening: client ISN 1000 (data from 1001), server ISN 5000 (data from 5001). */
export const HANDSHAKE: Segment[] = [
  { from: 'c', seq: 1000, flags: 'S' },
  { from: 's', seq: 5000, ack: 1001, flags: 'S' },
  { from: 'c', seq: 1001, ack: 5001 },
];

export interface Recorder {
  reassembler: TcpReassembler;
  /** Every handler call of every stream, in call order. */
  events: string[];
  /** The same, per stream id. */
  byStream: string[][];
  infos: StreamInfo[];
  /** Stream id returned by `add` for each segment fed. */
  ids: number[];
  feed(segments: Segment[]): Recorder;
}

export interface RecorderOptions extends TcpReassemblerOptions {
  /** The handler returns false after this many data calls (per stream). */
  stopAfterData?: number;
  /** The factory returns null. */
  noHandler?: boolean;
}

export function recorder(options: RecorderOptions = {}): Recorder {
  const events: string[] = [];
  const byStream: string[][] = [];
  const infos: StreamInfo[] = [];
  const ids: number[] = [];
  let fed = 0;
  const factory = (info: StreamInfo): StreamHandler | null => {
    infos.push(info);
    const log: string[] = (byStream[info.id] = []);
    const push = (event: string) => {
      events.push(event);
      log.push(event);
    };
    if (options.noHandler) return null;
    let dataCalls = 0;
    return {
      data(dir, bytes, frame) {
        push(`${dir}:data:${new TextDecoder().decode(bytes)}@${frame}`);
        dataCalls++;
        return options.stopAfterData === undefined || dataCalls < options.stopAfterData;
      },
      gap: (dir, lost, frame) => push(`${dir}:gap:${lost}@${frame}`),
      end: (dir, reason, frame) => push(`${dir}:end:${reason}@${frame}`),
      note: (dir, kind, frame) => push(`${dir}:note:${kind}@${frame}`),
    };
  };
  const reassembler = new TcpReassembler(factory, options);
  const self: Recorder = {
    reassembler,
    events,
    byStream,
    infos,
    ids,
    feed(segments) {
      for (const segment of segments) {
        fed++;
        const frame = segment.frame ?? fed;
        ids.push(reassembler.add(packet(segment), frame, segment.tsUs ?? frame * 1000));
      }
      return self;
    },
  };
  return self;
}

/** Feeds the segments, then finish(): the complete list of handler calls. */
export function reassemble(segments: Segment[], options: RecorderOptions = {}): string[] {
  const r = recorder(options).feed(segments);
  r.reassembler.finish();
  return r.events;
}
