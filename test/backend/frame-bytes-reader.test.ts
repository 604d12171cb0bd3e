// Re-reading a frame's bytes by record offset, in every capture format the reader accepts:
// each frame must come back byte for byte as the capture reader delivered it while streaming.
import { describe, expect, it } from 'vitest';
import { readCaptureFile } from '../../src/main/engine/capture/capture-reader';
import { FrameBytesReader } from '../../src/main/backend/frame-bytes-reader';

const FORMATS = 'test/fixtures/capture-formats';
const PLAIN = 'test/fixtures/captures/ppa-2006-switchboard-chat.pcap';

async function frames(path: string) {
  const out: { offset: number; data: Uint8Array }[] = [];
  for await (const f of readCaptureFile(path, 0)) out.push({ offset: f.fileOffset, data: new Uint8Array(f.data) });
  return out;
}

describe('FrameBytesReader', () => {
  it.each([
    PLAIN,
    `${FORMATS}/ppa-2006-switchboard-chat-modified.pcap`,
    `${FORMATS}/ppa-2006-switchboard-chat-nsec.pcap`,
    `${FORMATS}/ppa-2006-switchboard-chat.pcapng`,
    `${FORMATS}/ppa-2006-switchboard-chat-tsresol9.pcapng`,
    `${FORMATS}/ppa-2006-switchboard-chat.pcap.gz`,
    `${FORMATS}/ppa-2006-switchboard-chat.pcapng.gz`,
  ])('%s: every frame by offset', async (path) => {
    const expected = await frames(path);
    expect(expected).toHaveLength(50);
    const reader = new FrameBytesReader([path]);
    try {
      for (const f of expected) {
        expect(await reader.read(0, f.offset, f.data.length)).toEqual(f.data);
      }
    } finally {
      await reader.close();
    }
  });

  it('frame 5 of the PPA capture matches tshark -x', async () => {
    // tshark: frame 5 is 95 bytes, 00 16 ce 6e 8b 24 …, TCP payload "USR 93 OK tesla_brian@hotm…" at 0x36.
    const [, , , , fifth] = await frames(PLAIN);
    const reader = new FrameBytesReader([PLAIN]);
    const bytes = (await reader.read(0, fifth.offset, 95))!;
    await reader.close();
    expect(Array.from(bytes.subarray(0, 6))).toEqual([0x00, 0x16, 0xce, 0x6e, 0x8b, 0x24]);
    expect(new TextDecoder().decode(bytes.subarray(0x36, 0x36 + 9))).toBe('USR 93 OK');
  });

  it('answers null for unknown sources, offsets past the end and unreadable files', async () => {
    const reader = new FrameBytesReader([PLAIN, '/nonexistent/file.pcap']);
    expect(await reader.read(7, 24, 10)).toBeNull();
    expect(await reader.read(0, 1_000_000, 10)).toBeNull();
    expect(await reader.read(1, 24, 10)).toBeNull();
    await reader.close();
  });
});
