// A capture gzipped (the readers gunzip transparently), and gzip's own damage: a corrupt deflate
// stream, a wrong CRC or length trailer, a cut, trailing garbage, several members.

import { gzipSync } from 'node:zlib';
import { concatBytes } from '../../test/helpers/packet-builder';
import { FuzzRandom } from './fuzz-random';
import type { Mutated } from './mutation';

const GZIP_HEADER = 10;
const GZIP_TRAILER = 8;

const gzip = (bytes: Uint8Array): Uint8Array => new Uint8Array(gzipSync(bytes, { level: 1 }));

export function gzipMutation(bytes: Uint8Array, rnd: FuzzRandom): Mutated {
  const packed = gzip(bytes);
  switch (rnd.int(6)) {
    case 0:
      return { bytes: packed, mutation: 'gzip' };
    case 1: {
      const out = packed.slice();
      const at = GZIP_HEADER + rnd.int(Math.max(1, out.length - GZIP_HEADER - GZIP_TRAILER));
      out[at] ^= 1 << rnd.int(8);
      return { bytes: out, mutation: `gzip, deflate bit flipped at ${at}` };
    }
    case 2: {
      const out = packed.slice();
      const at = out.length - 1 - rnd.int(GZIP_TRAILER);
      out[at] ^= 0xff;
      return { bytes: out, mutation: `gzip, trailer (CRC/size) byte ${at} inverted` };
    }
    case 3: {
      const at = rnd.int(packed.length);
      return { bytes: packed.slice(0, at), mutation: `gzip cut at ${at} of ${packed.length}` };
    }
    case 4:
      return { bytes: concatBytes(packed, rnd.bytes(1 + rnd.int(64))), mutation: 'gzip with trailing garbage' };
    default: {
      const cut = rnd.int(bytes.length);
      return { bytes: concatBytes(gzip(bytes.subarray(0, cut)), gzip(bytes.subarray(cut))), mutation: `two gzip members split at ${cut}` };
    }
  }
}
