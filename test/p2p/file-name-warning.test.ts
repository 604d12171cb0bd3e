// A sender chooses a file's name: a bidi control in it, or executable content (by its magic
// bytes, written here by hand) under another extension, is flagged; honest names are not.
import { describe, expect, it } from 'vitest';
import { fileNameWarning } from '../../src/main/engine/p2p/file-name-warning';

const MZ = Uint8Array.of(0x4d, 0x5a, 0x90, 0x00);
const ELF = Uint8Array.of(0x7f, 0x45, 0x4c, 0x46, 0x02);
const MACHO = Uint8Array.of(0xcf, 0xfa, 0xed, 0xfe);
const JPEG = Uint8Array.of(0xff, 0xd8, 0xff, 0xe0);

describe('fileNameWarning', () => {
  it('flags a right-to-left override, showing it', () => {
    expect(fileNameWarning('invoice\u202Egpj.exe', null)).toBe(
      'Spoofed file name: the name holds a bidi control (⟨U+202E⟩) that makes it show a false extension: invoice⟨U+202E⟩gpj.exe',
    );
  });

  it.each(['\u202A', '\u202B', '\u202D', '\u2066', '\u2067', '\u2068', '\u200F', '\u061C'])('flags the bidi control %j', (c) => {
    expect(fileNameWarning(`report${c}fdp.scr`, null)).toMatch(/^Spoofed file name: the name holds a bidi control/);
  });

  it('flags a Windows executable under an image name', () => {
    expect(fileNameWarning('photo.jpg', MZ)).toBe('Spoofed file name: the content is a Windows executable (MZ) but the name ends in .jpg');
  });

  it('gives both reasons when both apply', () => {
    expect(fileNameWarning('a\u202Eb.txt', MZ)).toBe(
      'Spoofed file name: the name holds a bidi control (⟨U+202E⟩) that makes it show a false extension: a⟨U+202E⟩b.txt; the content is a Windows executable (MZ) but the name ends in .txt',
    );
  });

  it.each([
    ['setup.EXE', MZ], ['lib.dll', MZ], ['tool', ELF], ['libx.so', ELF], ['app', MACHO], ['holiday.jpg', JPEG], ['notes.txt', null],
  ])('accepts %j with matching content', (name, head) => {
    expect(fileNameWarning(name, head)).toBeNull();
  });

  it('flags ELF and Mach-O under document names, and a name without extension for MZ', () => {
    expect(fileNameWarning('cv.pdf', ELF)).toBe('Spoofed file name: the content is an ELF executable but the name ends in .pdf');
    expect(fileNameWarning('song.mp3', MACHO)).toBe('Spoofed file name: the content is a Mach-O executable but the name ends in .mp3');
    expect(fileNameWarning('readme', MZ)).toBe('Spoofed file name: the content is a Windows executable (MZ) but the name ends in no extension');
  });

  it('needs both magic bytes (one M is not an executable)', () => {
    expect(fileNameWarning('m.txt', Uint8Array.of(0x4d))).toBeNull();
  });
});
