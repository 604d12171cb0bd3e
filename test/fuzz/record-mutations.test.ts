// Record mutations change what they say: a dropped or duplicated record changes the record count,
// a broken length field is one 32-bit field at a length offset set to one of the interesting values.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitCapture } from '../../scripts/fuzz/capture-records';
import { FuzzRandom, INTERESTING_32 } from '../../scripts/fuzz/fuzz-random';
import { mutateRecords } from '../../scripts/fuzz/record-mutations';
import { buildPcapng, readAllFrames } from '../helpers/capture-builder';
import { CAPTURES } from '../helpers/captures';

const ppa = new Uint8Array(readFileSync(CAPTURES.ppa2006));

function changedBytes(a: Uint8Array, b: Uint8Array): number[] {
  return Array.from(a.keys()).filter((i) => a[i] !== b[i]);
}

/** Offsets of the length fields of a pcap: snaplen, linktype, then incl_len and orig_len of each record. */
function pcapLengthFields(bytes: Uint8Array): number[] {
  const fields = [16, 20];
  let pos = 24;
  for (const record of splitCapture(bytes).records) {
    fields.push(pos + 8, pos + 12);
    pos += record.length;
  }
  return fields;
}

describe('record mutations', () => {
  it('drop and duplicate change the number of records', () => {
    for (let seed = 1; seed <= 20; seed++) {
      expect(splitCapture(mutateRecords(ppa, new FuzzRandom(seed), 'dropRecords')!.bytes).records.length).toBeLessThan(50);
      expect(splitCapture(mutateRecords(ppa, new FuzzRandom(seed), 'duplicateRecord')!.bytes).records.length).toBeGreaterThan(50);
    }
  });

  it('swap keeps every record, in another order', () => {
    const before = splitCapture(ppa).records.map((r) => Buffer.from(r).toString('hex'));
    const after = splitCapture(mutateRecords(ppa, new FuzzRandom(3), 'swapRecords')!.bytes).records.map((r) => Buffer.from(r).toString('hex'));
    expect(after).not.toEqual(before);
    expect([...after].sort()).toEqual([...before].sort());
  });

  it('a broken pcap length is one field at a length offset, set to an interesting value', () => {
    const fields = pcapLengthFields(ppa);
    for (let seed = 1; seed <= 40; seed++) {
      const out = mutateRecords(ppa, new FuzzRandom(seed), 'breakLength')!;
      expect(out.bytes.length).toBe(ppa.length);
      const changed = changedBytes(ppa, out.bytes);
      if (!changed.length) continue; // the value drawn was the one already there
      const field = fields.find((f) => changed.every((i) => i >= f && i < f + 4));
      expect(field, out.mutation).toBeDefined();
      expect(INTERESTING_32).toContain(new DataView(out.bytes.buffer).getUint32(field!, true));
    }
  });

  it('a broken pcapng length stays inside one block', async () => {
    const { frames } = await readAllFrames(CAPTURES.ppa2006);
    const pcapng = buildPcapng(frames.map((f) => ({ tsUs: f.tsUs, data: f.data, linkType: f.linkType })));
    for (let seed = 1; seed <= 20; seed++) {
      const out = mutateRecords(pcapng, new FuzzRandom(seed), 'breakLength')!;
      const changed = changedBytes(pcapng, out.bytes);
      expect(changed.length).toBeLessThanOrEqual(4);
      if (changed.length) expect(changed[changed.length - 1] - changed[0]).toBeLessThan(4);
      expect(out.mutation).toMatch(/^block \d+ /);
    }
  });
});
