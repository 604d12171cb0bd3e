// MSNP21 SDG P2P data (`Message-Type: Data`) may bundle several P2P packets in one body; its
// `Bridging-Offsets: 0,52,1352` header says where each starts (each packet keeps its footer).
// Without the header, or with offsets that do not fit the body, the body is one packet.
// Spec: MSNPSharp SDGBridge notes (Pipe and Bridging-Offsets); PROTOCOL.md "P2P / MSNSLP".

import type { MimeMessage } from '../message/mime-message';

export interface BridgedPacket {
  /** Offset of the packet within the message body. */
  at: number;
  bytes: Uint8Array;
}

/** More packets than this in one SDG is not believed (a real bundle holds a few). */
const MAX_PACKETS = 64;

export interface BridgedPackets {
  packets: BridgedPacket[];
  /** Why the Bridging-Offsets header was not followed, when it was not. */
  problem: string | null;
}

export function bridgedPackets(message: MimeMessage): BridgedPackets {
  const body = message.body;
  const whole = (problem: string | null): BridgedPackets => ({ packets: [{ at: 0, bytes: body }], problem });
  const header = message.header('bridging-offsets');
  if (header === undefined) return whole(null);
  const parts = header.split(',').map((p) => p.trim());
  if (parts.length > MAX_PACKETS || !parts.every((p) => /^\d{1,9}$/.test(p))) return whole(`Bridging-Offsets "${header.slice(0, 80)}" is not a list of offsets`);
  const offsets = parts.map(Number);
  for (let i = 0; i < offsets.length; i++) {
    const ok = i === 0 ? offsets[0] === 0 : offsets[i] > offsets[i - 1] && offsets[i] < body.length;
    if (!ok) return whole(`Bridging-Offsets ${header.slice(0, 80)} do not fit the ${body.length}-byte body`);
  }
  const packets = offsets.map((at, i) => ({ at, bytes: body.subarray(at, i + 1 < offsets.length ? offsets[i + 1] : body.length) }));
  return { packets, problem: null };
}
