// Test helper: runs an MsnpFramer over chunks (one chunk = one frame, numbered from 1) and
// collects its commands and notes.
import type { Direction, Severity } from '../../src/shared/model';
import type { MsnpCommand } from '../../src/main/engine/msnp/msnp-command';
import { MsnpFramer, type MsnpFramerOptions } from '../../src/main/engine/msnp/msnp-framer';

export const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

export interface Harness {
  framer: MsnpFramer;
  commands: MsnpCommand[];
  notes: Array<{ frame: number; severity: Severity; message: string }>;
}

export function harness(direction: Direction = 'c2s', version: number | null = 12, extra: Partial<MsnpFramerOptions> = {}): Harness {
  const commands: MsnpCommand[] = [];
  const notes: Harness['notes'] = [];
  const framer = new MsnpFramer({
    direction,
    version: () => version,
    onCommand: (c) => commands.push(c),
    onNote: (frame, severity, message) => notes.push({ frame, severity, message }),
    ...extra,
  });
  return { framer, commands, notes };
}

/** Pushes each chunk as frame 1, 2, 3…, timestamps 1000 µs apart, then ends the stream. */
export function frameChunks(chunks: Array<string | Uint8Array>, direction: Direction = 'c2s', version: number | null = 12, extra: Partial<MsnpFramerOptions> = {}): Harness {
  const h = harness(direction, version, extra);
  chunks.forEach((c, i) => h.framer.push(typeof c === 'string' ? bytes(c) : c, i + 1, (i + 1) * 1000));
  h.framer.end(chunks.length, chunks.length * 1000);
  return h;
}

export const text = (b: Uint8Array | null): string | null => (b === null ? null : new TextDecoder().decode(b));
