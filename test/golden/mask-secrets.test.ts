// Masking keeps offsets and catches a secret cut by a segment boundary.
import { expect, it } from 'vitest';
import { maskSecrets } from '../../src/main/engine/mask-secrets';

const bytes = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array) => new TextDecoder().decode(b);
const secret = 't=0123456789abcdefghij&p=XYZ';

it('masks whole occurrences and leaves other bytes', () => {
  expect(text(maskSecrets(bytes(`USR 4 TWN S ${secret}\r\n`), [secret]))).toBe(`USR 4 TWN S ${'*'.repeat(secret.length)}\r\n`);
});
it('masks the start of a secret at the end of a frame and its end at the start of the next', () => {
  expect(text(maskSecrets(bytes(`USR 4 TWN S ${secret.slice(0, 15)}`), [secret]))).toBe(`USR 4 TWN S ${'*'.repeat(15)}`);
  expect(text(maskSecrets(bytes(`${secret.slice(10)}\r\nCHG`), [secret]))).toBe(`${'*'.repeat(secret.length - 10)}\r\nCHG`);
});
it('returns the same bytes when nothing matches', () => {
  const b = bytes('CHG 5 NLN 0\r\n');
  expect(maskSecrets(b, [secret])).toBe(b);
});
