// A transferred file's name is chosen by the sender, so it can lie about what the file is: a
// right-to-left override makes `invoice<U+202E>gpj.exe` show as `invoiceexe.jpg`, and an
// executable can simply be named `.jpg`. This says so, from the name and the file's first bytes,
// for the Files view, the reports and the expert info.

import { showInvisible } from '../../../shared/visible-text';

interface ExecutableType {
  label: string;
  /** Extensions under which this content is expected ('' = no extension). */
  extensions: string[];
  matches(head: Uint8Array): boolean;
}

const startsWith = (head: Uint8Array, ...bytes: number[]): boolean => bytes.every((b, i) => head[i] === b);

/** Content that runs when opened: the case where a false extension is dangerous. */
const EXECUTABLES: ExecutableType[] = [
  { label: 'a Windows executable (MZ)', extensions: ['exe', 'dll', 'scr', 'com', 'sys', 'cpl', 'ocx', 'drv', 'efi', 'pif', 'mui', 'ax'], matches: (h) => startsWith(h, 0x4d, 0x5a) },
  { label: 'an ELF executable', extensions: ['', 'so', 'elf', 'bin', 'o', 'out', 'ko'], matches: (h) => startsWith(h, 0x7f, 0x45, 0x4c, 0x46) },
  {
    label: 'a Mach-O executable',
    extensions: ['', 'dylib', 'bundle', 'o', 'app'],
    matches: (h) => [[0xfe, 0xed, 0xfa, 0xce], [0xfe, 0xed, 0xfa, 0xcf], [0xce, 0xfa, 0xed, 0xfe], [0xcf, 0xfa, 0xed, 0xfe]].some((m) => startsWith(h, ...m)),
  },
];

// Bidi controls only: they are what reorders the name on screen.
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** The extension after the last dot, lower case ('' when there is none). */
function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** Why `name` may not say what the file is (null when nothing is wrong); `head` is the file's first bytes if seen. */
export function fileNameWarning(name: string, head: Uint8Array | null): string | null {
  const reasons: string[] = [];
  const bidi = BIDI.exec(name);
  if (bidi) reasons.push(`the name holds a bidi control (${showInvisible(bidi[0])}) that makes it show a false extension: ${showInvisible(name)}`);
  const type = head ? EXECUTABLES.find((t) => t.matches(head)) : undefined;
  if (type && !type.extensions.includes(extensionOf(name))) {
    reasons.push(`the content is ${type.label} but the name ends in ${extensionOf(name) ? `.${showInvisible(extensionOf(name))}` : 'no extension'}`);
  }
  return reasons.length ? `Spoofed file name: ${reasons.join('; ')}` : null;
}
