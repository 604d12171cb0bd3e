// Turns a capture file into a replay plan: for every TCP connection, its client and server ends
// and, in capture order across all connections, each reassembled payload segment per direction
// with its capture time. Reassembly (retransmissions, reordering, gaps) is the engine's, so what
// is replayed is what the analyzer would see.

import { readCaptureFileBatches } from '../engine/capture/capture-reader';
import { decodePacket } from '../engine/decode/decode-packet';
import type { StreamDirection, StreamEndpoint, StreamHandler, StreamInfo } from '../engine/tcp/stream-handler';
import { TcpReassembler } from '../engine/tcp/tcp-reassembler';
import { clientDirection } from '../engine/tcp-stream-router';

export interface ReplayConnection {
  /** tcp.stream index in the capture. */
  id: number;
  client: StreamEndpoint;
  server: StreamEndpoint;
  sawSyn: boolean;
}

export type ReplayStep =
  /** The connection's first packet: open it (mid-session captures have no SYN; they open here too). */
  | { kind: 'open'; conn: number; tsUs: number }
  | { kind: 'data'; conn: number; fromClient: boolean; bytes: Uint8Array; tsUs: number }
  /** FIN or RST seen in that direction. */
  | { kind: 'end'; conn: number; fromClient: boolean; tsUs: number };

export interface ReplayPlan {
  connections: ReplayConnection[];
  steps: ReplayStep[];
  /** Payload bytes the capture lacks (holes in the sequence space); they cannot be replayed. */
  missingBytes: number;
  frames: number;
  /** Why reading stopped early, if it did. */
  damage: string | null;
}

/** Ports whose side is the server when no SYN says who connected (as the analyzer assumes). */
const DEFAULT_SERVER_PORTS = [1863];

export async function buildReplayPlan(path: string, serverPorts: number[] = DEFAULT_SERVER_PORTS): Promise<ReplayPlan> {
  const plan: ReplayPlan = { connections: [], steps: [], missingBytes: 0, frames: 0, damage: null };
  const ports = new Set(serverPorts);
  const reassembler = new TcpReassembler((info) => connectionRecorder(plan, info, ports));
  const batches = readCaptureFileBatches(path, 0);
  for (;;) {
    const next = await batches.next();
    if (next.done) {
      // A damaged or cut file replays what it holds; the summary says why it ended early.
      plan.damage = next.value.damage?.message ?? null;
      break;
    }
    for (const frame of next.value) {
      const n = ++plan.frames;
      const pkt = decodePacket(frame.linkType, frame.data);
      if (pkt?.tcp) reassembler.add(pkt, n, frame.tsUs);
    }
  }
  reassembler.finish();
  return plan;
}

function connectionRecorder(plan: ReplayPlan, info: StreamInfo, serverPorts: ReadonlySet<number>): StreamHandler {
  const clientDir = clientDirection(info, serverPorts);
  const conn = plan.connections.length;
  plan.connections.push({
    id: info.id,
    client: info.endpoints[clientDir],
    server: info.endpoints[clientDir === 0 ? 1 : 0],
    sawSyn: info.sawSyn,
  });
  plan.steps.push({ kind: 'open', conn, tsUs: info.firstTsUs });
  const fromClient = (dir: StreamDirection) => dir === clientDir;
  return {
    data(dir, bytes, _frame, tsUs) {
      plan.steps.push({ kind: 'data', conn, fromClient: fromClient(dir), bytes: bytes.slice(), tsUs });
    },
    gap(_dir, lost) {
      plan.missingBytes += lost;
    },
    end(dir, reason, _frame, tsUs) {
      if (reason === 'fin' || reason === 'rst') plan.steps.push({ kind: 'end', conn, fromClient: fromClient(dir), tsUs });
    },
  };
}
