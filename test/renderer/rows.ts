// Builds packet-list rows for the renderer store tests.
import type { FrameRow } from '../../src/shared/model';

export function row(number: number, overrides: Partial<FrameRow> = {}): FrameRow {
  return {
    number, timeUs: 1_000_000 * number, source: '10.0.0.1', destination: '10.0.0.2', protocol: 'MSNP',
    length: 60 + number, info: `frame ${number}`, kind: 'msnp', stream: 0, ...overrides,
  };
}

export function rows(count: number, start = 1): FrameRow[] {
  return Array.from({ length: count }, (_, i) => row(start + i));
}
