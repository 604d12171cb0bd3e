// The display-filter field table: every name the language knows, its type, and how to read its
// values out of a frame's FrameFields. A field may hold several values (ip.addr is the source and
// the destination; msnp.cmd every command the frame completes); it is absent when it has none.

import type { FrameFields } from './frame-fields';

export type FieldType = 'number' | 'string' | 'address' | 'protocol';
export type FieldValue = string | number;

export interface FieldDef {
  name: string;
  type: FieldType;
  /** Compare case-insensitively (accounts, commands, versions and MIME types are case-insensitive). */
  caseInsensitive?: boolean;
  description: string;
  /** The field's values in this frame; empty or undefined when the field is absent. */
  values(f: FrameFields): readonly FieldValue[] | undefined;
}

function one<T extends FieldValue>(v: T | undefined | null): readonly T[] | undefined {
  return v === undefined || v === null ? undefined : [v];
}

function both<T extends FieldValue>(a: T | undefined, b: T | undefined): readonly T[] | undefined {
  if (a === undefined) return one(b);
  return b === undefined ? [a] : [a, b];
}

const PRESENT: readonly FieldValue[] = [1];

export const FIELDS: readonly FieldDef[] = [
  { name: 'frame.number', type: 'number', description: 'Frame number (1-based)', values: (f) => [f.number] },
  { name: 'ip.addr', type: 'address', description: 'Source or destination IP address', values: (f) => both(f.ipSrc, f.ipDst) },
  { name: 'ip.src', type: 'address', description: 'Source IP address', values: (f) => one(f.ipSrc) },
  { name: 'ip.dst', type: 'address', description: 'Destination IP address', values: (f) => one(f.ipDst) },
  { name: 'tcp.port', type: 'number', description: 'Source or destination TCP port', values: (f) => both(f.tcpSrcPort, f.tcpDstPort) },
  { name: 'tcp.srcport', type: 'number', description: 'TCP source port', values: (f) => one(f.tcpSrcPort) },
  { name: 'tcp.dstport', type: 'number', description: 'TCP destination port', values: (f) => one(f.tcpDstPort) },
  { name: 'tcp.stream', type: 'number', description: 'TCP conversation index (0-based)', values: (f) => one(f.tcpStream) },
  { name: 'msnp', type: 'protocol', description: 'The frame completes at least one MSNP command', values: (f) => (f.msnp ? PRESENT : undefined) },
  { name: 'msnp.cmd', type: 'string', caseInsensitive: true, description: 'MSNP command verb (MSG, USR, 911…)', values: (f) => f.msnp?.commands },
  { name: 'msnp.trid', type: 'number', description: 'MSNP transaction id', values: (f) => f.msnp?.trids },
  { name: 'msnp.account', type: 'string', caseInsensitive: true, description: 'Account (e-mail address) named by a command', values: (f) => f.msnp?.accounts },
  { name: 'msnp.session', type: 'number', description: 'Switchboard session id', values: (f) => f.msnp?.sessions },
  { name: 'msnp.error', type: 'number', description: 'MSNP error code', values: (f) => f.msnp?.errors },
  { name: 'msnp.version', type: 'string', caseInsensitive: true, description: 'Protocol version of the connection (MSNP12…)', values: (f) => one(f.msnp?.version) },
  { name: 'msnp.content_type', type: 'string', caseInsensitive: true, description: 'Content-Type of a message', values: (f) => f.msnp?.contentTypes },
  { name: 'msnp.text', type: 'string', description: 'Chat text, offline messages (UUM, UBM) and personal messages', values: (f) => f.msnp?.texts },
];

const BY_NAME = new Map(FIELDS.map((f) => [f.name, f]));

export function lookupField(name: string): FieldDef | undefined {
  return BY_NAME.get(name.toLowerCase());
}

/** Edit distance, bounded: only used to suggest a field name for a typo. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return row[b.length];
}

/** The closest known field name, when one is within two edits. */
export function suggestField(name: string): string | undefined {
  if (name.length > 40) return undefined;
  let best: string | undefined;
  let bestDistance = 3;
  for (const f of FIELDS) {
    const d = distance(name.toLowerCase(), f.name);
    if (d < bestDistance) {
      best = f.name;
      bestDistance = d;
    }
  }
  return best;
}
