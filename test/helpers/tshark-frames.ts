// tshark as a second opinion: the frame numbers a display filter selects, and one field per frame.
import { execFileSync } from 'node:child_process';

export function tsharkFields(path: string, args: string[]): string[] {
  const out = execFileSync('tshark', ['-r', path, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 << 20 });
  return out.split('\n').filter((line) => line !== '');
}

/** Frame numbers `filter` selects (tshark -Y), ascending. */
export function tsharkFrames(path: string, filter: string): number[] {
  return tsharkFields(path, ['-Y', filter, '-T', 'fields', '-e', 'frame.number']).map(Number);
}
