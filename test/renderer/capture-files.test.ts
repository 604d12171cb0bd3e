// Which dropped or chosen files are accepted as captures.
import { describe, expect, it } from 'vitest';
import { isCaptureFileName, partitionCaptureFiles } from '../../src/renderer/app/capture-files';

describe('capture file names', () => {
  it('accepts pcap, pcapng, cap and gz, case-insensitively', () => {
    for (const name of ['a.pcap', 'b.PCAPNG', 'c.cap', 'd.pcap.gz']) expect(isCaptureFileName(name)).toBe(true);
    for (const name of ['notes.txt', '.pcap', 'pcap', 'x.pcap.zip']) expect(isCaptureFileName(name)).toBe(false);
    expect(partitionCaptureFiles([{ name: 'a.cap' }, { name: 'b.txt' }])).toEqual({ accepted: [{ name: 'a.cap' }], rejected: [{ name: 'b.txt' }] });
  });
});
