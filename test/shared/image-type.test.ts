// The inline viewer's image types come from magic bytes only (PNG, JPEG, GIF, BMP signatures as
// their specifications give them); SVG, HTML and look-alikes are not images.
import { describe, expect, it } from 'vitest';
import { sniffImageType } from '../../src/shared/image-type';

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));
const bytes = (...parts: (number | number[])[]): Uint8Array => Uint8Array.from(parts.flat());

describe('sniffImageType', () => {
  it.each([
    ['PNG signature', bytes(0x89, ascii('PNG'), 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13), 'image/png'],
    ['JPEG SOI + APP0', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16, ascii('JFIF')), 'image/jpeg'],
    ['GIF89a', bytes(ascii('GIF89a'), 1, 0, 1, 0), 'image/gif'],
    ['GIF87a', bytes(ascii('GIF87a'), 1, 0, 1, 0), 'image/gif'],
    ['BMP with a 40-byte info header', bytes(ascii('BM'), 0x46, 0, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0, 40, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0), 'image/bmp'],
  ])('%s', (_, data, mime) => expect(sniffImageType(data)).toBe(mime));

  it.each([
    ['SVG', bytes(ascii('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))],
    ['HTML', bytes(ascii('<!DOCTYPE html><img src=x onerror=alert(1)>'))],
    ['text starting "BM"', bytes(ascii('BMW service notes for the car, see attached'))],
    ['a PNG signature cut short', bytes(0x89, ascii('PNG'), 0x0d, 0x0a)],
    ['nothing', bytes()],
  ])('%s is not an image', (_, data) => expect(sniffImageType(data)).toBeNull());
});
