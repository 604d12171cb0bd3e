// The P2P tracker's file store flags a spoofed name once it is known to be one — from the name
// when the file is opened, from the first bytes when they arrive — in the record and the expert
// info; and the store hands out only the bytes seen, not a buffer of the size the sender declared.
import { describe, expect, it } from 'vitest';
import { ExpertLog } from '../../src/main/engine/analysis/expert-log';
import { FileStore, type FileMeta } from '../../src/main/engine/p2p/file-store';
import { NameCheckingFileStore } from '../../src/main/engine/p2p/name-checking-file-store';

const meta = (name: string, size: number): FileMeta => ({ frame: 7, kind: 'file-transfer', name, size, from: 'a', to: 'b', via: 'switchboard', session: null });
const MZ = Uint8Array.of(0x4d, 0x5a, 0x90, 0x00);

describe('NameCheckingFileStore', () => {
  it('flags a bidi control in the name when the file is opened', () => {
    const expert = new ExpertLog();
    const s = new NameCheckingFileStore(expert);
    s.open('k', meta('invoice\u202Egpj.exe', 4));
    const warning = 'Spoofed file name: the name holds a bidi control (⟨U+202E⟩) that makes it show a false extension: invoice⟨U+202E⟩gpj.exe';
    expect(s.get('k')!.nameWarning).toBe(warning);
    expect(expert.all().map((e) => [e.frame, e.severity, e.message])).toEqual([[7, 'warning', warning]]);
    // The content (an exe under .exe) adds nothing, and the warning is not repeated.
    s.addChunk('k', 0, MZ, 9);
    expect(expert.all()).toHaveLength(1);
  });

  it('flags an executable under an image name when its first bytes arrive, not before', () => {
    const expert = new ExpertLog();
    const s = new NameCheckingFileStore(expert);
    s.open('k', meta('photo.jpg', 8));
    expect(s.get('k')!.nameWarning).toBeUndefined();
    s.addChunk('k', 4, MZ, 8); // bytes 4–7: not the start of the file
    expect(s.get('k')!.nameWarning).toBeUndefined();
    s.addChunk('k', 0, MZ, 9);
    expect(s.get('k')!.nameWarning).toBe('Spoofed file name: the content is a Windows executable (MZ) but the name ends in .jpg');
    expect(expert.all().map((e) => e.frame)).toEqual([9]);
  });

  it('gives the bytes up to the last one seen, not the declared size (FileStore)', () => {
    const s = new FileStore(new ExpertLog());
    s.open('k', meta('big.bin', 1_000_000));
    s.addChunk('k', 2, Uint8Array.of(1, 2, 3), 1);
    expect(Array.from(s.bytes(0)!)).toEqual([0, 0, 1, 2, 3]);
    s.addChunk('k', 10, Uint8Array.of(9), 2);
    expect(s.bytes(0)!.length).toBe(11);
  });
});
