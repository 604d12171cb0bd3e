// Mutations of whole records (pcap records, pcapng blocks): duplicated, reordered, dropped, and
// length fields set to values that break arithmetic (2^31 and beyond, off by one, zero).

import { joinCapture, splitCapture, type CaptureRecords } from './capture-records';
import { FuzzRandom, INTERESTING_32 } from './fuzz-random';
import type { Mutated } from './mutation';

type RecordMutation = (c: CaptureRecords, rnd: FuzzRandom) => { records: CaptureRecords; mutation: string };

const PCAPNG_EPB = 6;

function withRecords(c: CaptureRecords, records: Uint8Array[], header = c.header): CaptureRecords {
  return { ...c, header, records };
}

const duplicateRecord: RecordMutation = (c, rnd) => {
  const i = rnd.int(c.records.length);
  const copies = 1 + rnd.int(rnd.chance(0.2) ? 200 : 3);
  const records = [...c.records.slice(0, i + 1), ...new Array<Uint8Array>(copies).fill(c.records[i]), ...c.records.slice(i + 1)];
  return { records: withRecords(c, records), mutation: `duplicate record ${i} ×${copies}` };
};

const swapRecords: RecordMutation = (c, rnd) => {
  const i = rnd.int(c.records.length);
  const j = Math.min(c.records.length - 1, i + 1 + rnd.int(20));
  const records = c.records.slice();
  [records[i], records[j]] = [records[j], records[i]];
  return { records: withRecords(c, records), mutation: `swap records ${i} and ${j}` };
};

const reverseRun: RecordMutation = (c, rnd) => {
  const i = rnd.int(c.records.length);
  const n = 2 + rnd.int(30);
  const records = [...c.records.slice(0, i), ...c.records.slice(i, i + n).reverse(), ...c.records.slice(i + n)];
  return { records: withRecords(c, records), mutation: `reverse records ${i}..${i + n - 1}` };
};

const dropRecords: RecordMutation = (c, rnd) => {
  const i = rnd.int(c.records.length);
  const n = 1 + rnd.int(rnd.chance(0.3) ? 50 : 2);
  return { records: withRecords(c, [...c.records.slice(0, i), ...c.records.slice(i + n)]), mutation: `drop records ${i}..${i + n - 1}` };
};

/** A 32-bit length field of one record (or of the pcap file header) set to an interesting value. */
const breakLength: RecordMutation = (c, rnd) => {
  const value = rnd.pick(INTERESTING_32);
  if (c.format === 'pcap') {
    if (rnd.chance(0.15)) {
      const header = c.header.slice();
      const field = rnd.pick([{ name: 'snaplen', at: 16 }, { name: 'linktype', at: 20 }]);
      new DataView(header.buffer).setUint32(field.at, value, c.littleEndian);
      return { records: withRecords(c, c.records, header), mutation: `pcap ${field.name} = ${value}` };
    }
    const i = rnd.int(c.records.length);
    const record = c.records[i].slice();
    const field = rnd.pick([{ name: 'incl_len', at: 8 }, { name: 'orig_len', at: 12 }]);
    if (record.length >= 16) new DataView(record.buffer).setUint32(field.at, value, c.littleEndian);
    return { records: withRecords(c, replaceAt(c.records, i, record)), mutation: `record ${i} ${field.name} = ${value}` };
  }
  const i = rnd.int(c.records.length);
  const record = c.records[i].slice();
  const view = new DataView(record.buffer);
  const le = c.littleEndian;
  const fields = [{ name: 'block total length', at: 4 }, { name: 'trailing block length', at: record.length - 4 }];
  if (record.length >= 28 && view.getUint32(0, le) === PCAPNG_EPB) fields.push({ name: 'EPB captured length', at: 20 }, { name: 'EPB original length', at: 24 });
  if (record.length >= 24 && i === 0) fields.push({ name: 'SHB section length (high half)', at: le ? 20 : 16 });
  const field = rnd.pick(fields.filter((f) => f.at >= 0 && f.at + 4 <= record.length));
  view.setUint32(field.at, value, le);
  return { records: withRecords(c, replaceAt(c.records, i, record)), mutation: `block ${i} ${field.name} = ${value}` };
};

function replaceAt(records: Uint8Array[], i: number, record: Uint8Array): Uint8Array[] {
  const out = records.slice();
  out[i] = record;
  return out;
}

export const RECORD_MUTATIONS: Record<string, RecordMutation> = { duplicateRecord, swapRecords, reverseRun, dropRecords, breakLength };

/** One record-level mutation of a pcap or pcapng file (null when the file has no records). */
export function mutateRecords(bytes: Uint8Array, rnd: FuzzRandom, name = rnd.pick(Object.keys(RECORD_MUTATIONS))): Mutated | null {
  const capture = splitCapture(bytes);
  if (capture.format === 'unknown' || !capture.records.length) return null;
  const { records, mutation } = RECORD_MUTATIONS[name](capture, rnd);
  return { bytes: joinCapture(records), mutation };
}
