// Reads a pcapng Interface Description Block: link type, snaplen and the options that affect
// timestamps (if_tsresol, if_tsoffset) or naming (if_name).
// Spec: https://datatracker.ietf.org/doc/draft-ietf-opsawg-pcapng/ §4.2.

import { timestampConverter, type TimestampToUs } from './pcapng-timestamp';

export interface PcapngInterface {
  linkType: number;
  snaplen: number;
  name: string | null;
  toUs: TimestampToUs;
}

const OPT_END = 0;
const IF_NAME = 2;
const IF_TSRESOL = 9;
const IF_TSOFFSET = 14;
const DEFAULT_TSRESOL = 6;

/** `pos`/`length` delimit the whole block; lengths were checked by the caller. */
export function readInterfaceBlock(view: DataView, pos: number, length: number, le: boolean): PcapngInterface {
  const linkType = view.getUint16(pos + 8, le);
  const snaplen = view.getUint32(pos + 12, le);
  let tsresol = DEFAULT_TSRESOL;
  let offsetSeconds = 0;
  let name: string | null = null;
  const optionsEnd = pos + length - 4;
  // Options are code(2) length(2) value padded to 4; a malformed one just ends option parsing.
  for (let opt = pos + 16; opt + 4 <= optionsEnd; ) {
    const code = view.getUint16(opt, le);
    const optLength = view.getUint16(opt + 2, le);
    const value = opt + 4;
    if (code === OPT_END || value + optLength > optionsEnd) break;
    if (code === IF_TSRESOL && optLength >= 1) tsresol = view.getUint8(value);
    else if (code === IF_TSOFFSET && optLength >= 8) offsetSeconds = Number(view.getBigInt64(value, le));
    else if (code === IF_NAME) name = new TextDecoder().decode(new Uint8Array(view.buffer, view.byteOffset + value, optLength));
    opt = value + ((optLength + 3) & ~3);
  }
  return { linkType, snaplen, name, toUs: timestampConverter(tsresol, offsetSeconds) };
}
