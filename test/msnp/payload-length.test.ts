// One case per row of PROTOCOL.md's payload table (both directions, version-dependent rows),
// plus the non-payload look-alikes that must not be read as bodies.
import { describe, expect, it } from 'vitest';
import type { Direction } from '../../src/shared/model';
import { payloadLength, plainDecimal } from '../../src/main/engine/msnp/payload-length';

type Row = [line: string, direction: Direction, version: number | null, expected: number | null];

const len = ([line, direction, version]: Row): number | null => {
  const [verb, ...params] = line.split(' ');
  return payloadLength(verb, params, direction, version);
};

const rows: Row[] = [
  // MSG, both forms
  ['MSG 3 N 139', 'c2s', 12, 139],
  ['MSG 77 U 89', 'c2s', null, 89],
  ['MSG 5 D 1202', 'c2s', 9, 1202],
  ['MSG cecile260992@hotmail.com choupi 97', 's2c', null, 97],
  ['MSG Hotmail Hotmail 1442', 's2c', 12, 1442],
  // NOT, IPG (server only)
  ['NOT 1337', 's2c', 8, 1337],
  ['IPG 264', 's2c', 9, 264],
  // PGD (PAG before MSNP9)
  ['PGD 20 example@passport.com 1 22', 'c2s', 9, 22],
  ['PAG 20 example@passport.com 1 22', 'c2s', 7, 22],
  // QRY: client has a 32-byte body; the server's `QRY TrID` has none (its last token is the TrID)
  ['QRY 1049 PROD0090YUAUV{2B 32', 'c2s', 11, 32],
  ['QRY 1049', 's2c', 11, null],
  // SDC
  ['SDC 12 friend@example.com 0x0409 MSMSGS WindowsMessenger X X Alice 120', 'c2s', 9, 120],
  ['SDC 12 OK', 's2c', 9, null],
  // GCF: MSNP11–12 request has no body, reply has; MSNP13+ `GCF 0 len`
  ['GCF 5 Shields.xml', 'c2s', 11, null],
  ['GCF 5 Shields.xml 2160', 's2c', 12, 2160],
  ['GCF 0 1187', 's2c', 15, 1187],
  // UUX: request with body, reply `UUX TrID 0` (a zero-length body)
  ['UUX 10 53', 'c2s', 12, 53],
  ['UUX 10 0', 's2c', 12, 0],
  // UBX: three shapes by version
  ['UBX alice@example.com 53', 's2c', 12, 53],
  ['UBX alice@example.com 1 134', 's2c', 15, 134],
  ['UBX 1:alice@example.com 317', 's2c', 18, 317],
  ['UBX 1:bob@example.com 0', 's2c', 18, 0],
  // ADL / RML
  ['ADL 6 90', 'c2s', 15, 90],
  ['ADL 6 OK', 's2c', 15, null],
  ['ADL 0 88', 's2c', 18, 88],
  ['RML 9 71', 'c2s', 15, 71],
  ['RML 9 OK', 's2c', 15, null],
  // FQY both ways
  ['FQY 10 51', 'c2s', 14, 51],
  ['FQY 10 60', 's2c', 14, 60],
  // UUN / UBN
  ['UUN 11 bob@example.com 5 40', 'c2s', 15, 40],
  ['UUN 11 OK', 's2c', 15, null],
  ['UBN bob@example.com 5 40', 's2c', 15, 40],
  // UUM / UBM
  ['UUM 12 yahoo@yahoo.com 32 1 66', 'c2s', 14, 66],
  ['UBM yahoo@yahoo.com 32 1 66', 's2c', 14, 66],
  // SDG, NFY, PUT, DEL (MSNP21)
  ['SDG 7 412', 'c2s', 21, 412],
  ['SDG 0 420', 's2c', 21, 420],
  ['NFY PUT 700', 's2c', 21, 700],
  ['NFY DEL 300', 's2c', 21, 300],
  ['PUT 8 350', 'c2s', 21, 350],
  ['PUT 8 OK 0', 's2c', 21, 0],
  ['DEL 9 200', 'c2s', 21, 200],
];

describe('payloadLength: PROTOCOL.md payload table', () => {
  it.each(rows)('%s (%s, MSNP%s) → %s', (...row) => {
    expect(len(row)).toBe(row[3]);
  });
});

describe('payloadLength: error replies', () => {
  it('has no body before MSNP13, even with a second number', () => {
    expect(len(['241 7 90', 's2c', 12, null])).toBeNull();
    expect(len(['911 3', 's2c', 8, null])).toBeNull();
  });
  it('has a body from MSNP13 when the reply is `NNN TrID len`', () => {
    expect(len(['241 7 90', 's2c', 13, 90])).toBe(90);
    expect(len(['509 12 44', 's2c', 18, 44])).toBe(44);
    expect(len(['911 3', 's2c', 15, null])).toBeNull();
  });
  it('with the version unknown, a 3-token numeric error line has a body', () => {
    expect(len(['241 7 90', 's2c', null, 90])).toBe(90);
    expect(len(['911 3', 's2c', null, null])).toBeNull();
  });
  it('never from the client', () => {
    expect(len(['241 7 90', 'c2s', 15, null])).toBeNull();
  });
});

describe('payloadLength: lines without a body', () => {
  it.each([
    'VER 1 MSNP12 CVR0', 'USR 4 OK alice@example.com 1 0', 'CHL 0 29409134351025259292', 'ACK 12',
    'XFR 10 SB', 'QNG 50', 'NLN NLN bob@example.com Bob 1342472228 0', 'PNG', 'MSG', 'MSG 3 N', 'UUX 10',
  ])('%s', (line) => {
    expect(len([line, 's2c', null, null])).toBeNull();
    expect(len([line, 'c2s', null, null])).toBeNull();
  });
  it('a length token that is not plain decimal is not a length', () => {
    expect(len(['MSG 3 N 0x10', 'c2s', 12, null])).toBeNull();
    expect(len(['MSG 3 N +12', 'c2s', 12, null])).toBeNull();
    expect(len(['MSG 3 N 12a', 'c2s', 12, null])).toBeNull();
    expect(len(['MSG 3 N -1', 'c2s', 12, null])).toBeNull();
  });
  it('plainDecimal accepts digits only', () => {
    expect(plainDecimal('0')).toBe(0);
    expect(plainDecimal('00139')).toBe(139);
    expect(plainDecimal('')).toBeNull();
    expect(plainDecimal('1 ')).toBeNull();
    expect(plainDecimal('1e3')).toBeNull();
  });
});
