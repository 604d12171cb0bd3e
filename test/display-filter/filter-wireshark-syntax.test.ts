// The Wireshark 4 syntax beyond plain comparisons, on hand-built frames whose bytes are given:
// xor, all/any quantifiers, sets with ranges, slices (Wireshark's [offset:length] and [from-to]),
// functions, case rules of contains/matches, bytes and time literals — and the positioned errors.
import { describe, expect, it } from 'vitest';
import { compileFilter } from '../../src/shared/display-filter/compile-filter';
import { FrameLayer, type FrameFields } from '../../src/shared/display-filter/frame-fields';

const text = (s: string) => new TextEncoder().encode(s);
// Frame 1: "MSG 4 N 5\r\nHello" over TCP; frame 2: two accounts, UDP with bytes 00 01 02 03 ff.
const tcpPayload = text('MSG 4 N 5\r\nHello');
const frame1: FrameFields = {
  number: 1, layers: FrameLayer.Eth | FrameLayer.Ipv4 | FrameLayer.Tcp, length: 80, timeUs: Date.UTC(2006, 2, 17, 10, 0, 0) * 1000,
  ipSrc: '10.0.0.1', ipDst: '10.0.0.2', tcpSrcPort: 50000, tcpDstPort: 1863, tcpLen: tcpPayload.length, tcpFlags: 0x18,
  bytes: () => Uint8Array.from([0xaa, 0xbb, 0xcc, ...tcpPayload]), payload: () => tcpPayload,
  msnp: { commands: ['MSG'], trids: [4], accounts: ['Alice@Example.com'], sessions: [1], errors: [], version: 'MSNP12', contentTypes: [], texts: ['Hello'] },
};
const udpPayload = Uint8Array.from([0, 1, 2, 3, 0xff]);
const frame2: FrameFields = {
  number: 2, layers: FrameLayer.Ipv4 | FrameLayer.Udp, length: 60, timeUs: Date.UTC(2006, 2, 17, 10, 0, 1, 500) * 1000,
  ipSrc: '10.0.0.2', ipDst: '10.0.0.2', udpSrcPort: 53, udpDstPort: 53, bytes: () => udpPayload, payload: () => udpPayload,
  msnp: { commands: ['ACK', 'NAK'], trids: [5, 6], accounts: ['bob@example.com', 'carol@example.com'], sessions: [], errors: [], version: null, contentTypes: [], texts: [] },
};

function matching(filter: string): number[] {
  const compiled = compileFilter(filter);
  if (!compiled.ok) throw new Error(`${compiled.error} at ${compiled.position}`);
  return [frame1, frame2].filter(compiled.predicate).map((f) => f.number);
}

describe('Wireshark 4 syntax', () => {
  it.each([
    // xor: exactly one side
    ['tcp ^^ ip.src == 10.0.0.2', [1, 2]],
    ['ip ^^ ip.dst == 10.0.0.2', []],
    ['tcp xor udp xor frame.len == 60', [1]],
    // === all values, !== any value differs
    ['ip.addr === 10.0.0.2', [2]],
    ['ip.addr !== 10.0.0.2', [1]],
    ['msnp.trid all_eq 4', [1]],
    ['msnp.trid any_ne 5', [1, 2]],
    // sets, with ranges and either separator
    ['msnp.trid in {4, 9}', [1]],
    ['msnp.trid in {5..6}', [2]],
    ['msnp.cmd in {"nak" MSG}', [1, 2]],
    ['udp.port in {50..60}', [2]],
    ['ip.src in {10.0.0.2}', [2]],
    ['not msnp.trid in {4}', [2]],
    // slices: [offset:length], [from-to], [i], negative offsets, concatenated ranges
    ['frame[0:3] == aa:bb:cc', [1]],
    ['frame[0-1] == aa.bb', [1]],
    ['frame[2] == cc', [1]],
    ['frame[-1] == ff', [2]],
    ['frame[-2:2] == 03ff', [2]],
    ['frame[:2] == 00-01', [2]],
    ['frame[3:] == "MSG 4 N 5\\r\\nHello"', [1]],
    ['frame[0:1,2:1] == 00:02', [2]],
    ['frame[100:1] == 00', []],
    ['tcp.payload[0:3] == "MSG"', [1]],
    ['msnp.account[0:5] == "Alice"', [1]],
    // functions
    ['len(tcp.payload) == 16', [1]],
    ['len(frame) == 5', [2]],
    ['len(msnp.text) == 5', [1]],
    ['count(msnp.account) == 2', [2]],
    ['count(msnp.error) == 0', [1, 2]],
    ['lower(msnp.text) contains "hell"', [1]],
    ['upper(msnp.text) == "HELLO"', [1]],
    // case: contains is case-sensitive on bytes and text, matches is not (unless (?-i))
    ['frame contains "hello"', []],
    ['frame contains "Hello"', [1]],
    ['tcp contains 0d:0a', [1]],
    ['frame matches "^msg \\\\d"', []],
    ['tcp matches "^msg \\\\d"', [1]],
    ['tcp ~ "(?-i)^msg"', []],
    ['tcp ~ "(?-i)^MSG"', [1]],
    ['msnp.text matches "^h.l+o$"', [1]],
    ['udp matches "\\\\xff$"', [2]],
    // time: absolute strings (UTC), relative numbers with decimals, flags as booleans
    ['frame.time == "2006-03-17 10:00:00"', [1]],
    ['frame.time > "Mar 17, 2006 10:00:01.2"', [2]],
    ['frame.time > "2006-03-17T11:00:00+02:00"', [1, 2]],
    ['frame.time in {"2006-03-17 10:00:01".."2006-03-17 10:00:02"}', [2]],
    ['frame.time_epoch > 1142589600.5', [2]],
    ['tcp.flags.push == true && tcp.flags.syn == false', [1]],
    ['tcp.flags.ack == 1', [1]],
    // protocols from layer bits
    ['eth', [1]],
    ['ipv6', []],
  ])('%s', (filter, expected) => {
    expect(matching(filter)).toEqual(expected);
  });

  it('says which filters read packet bytes (the back end opens the files for those)', () => {
    const uses = (f: string) => { const c = compileFilter(f); return c.ok && c.usesBytes; };
    expect(uses('frame contains "MSG"')).toBe(true);
    expect(uses('frame[0] == 00')).toBe(true);
    expect(uses('msnslp')).toBe(true);
    expect(uses('tcp.payload')).toBe(true);
    expect(uses('tcp && msnp.cmd == MSG')).toBe(false);
    expect(uses('tcp.len > 0')).toBe(false);
  });

  it.each([
    ['frame[', "expected a slice range after '['", 6],
    ['frame[0:2', "missing ']' to close the '[' at position 5", 9],
    ['frame[x] == 00', "'x' is not a slice range (write [i:length], [i-j], [i], [:length] or [i:])", 6],
    ['frame[3-1] == 00', "'3-1' is not a slice range (write [i:length], [i-j], [i], [:length] or [i:])", 6],
    ['tcp.port[0:1] == 00', "'tcp.port' is a number and cannot be sliced", 0],
    ['frame[0:2] == zz', "'zz' is not bytes for 'frame' (write aa:bb:cc or \"text\")", 14],
    ['tcp.port in 1863', "expected '{' after 'in'", 12],
    ['tcp.port in {}', 'a set needs at least one member', 13],
    ['tcp.port in {1863', "expected a set member or '}' to close the '{' at position 12; found the end of the filter", 17],
    ['msnp.text in {a..b}', "a range needs a number, time or address field; 'msnp.text' is text", 14],
    ['tcp.port matches "1"', "'matches' needs text or bytes; 'tcp.port' is a number", 17],
    ['msnp.text matches "("', 'invalid regular expression: /(/i: Unterminated group', 18],
    ['lower(tcp.port) == 1', "lower() needs a text field; 'tcp.port' is a number", 0],
    ['len(tcp.port) == 1', "len() needs text or bytes; 'tcp.port' is a number", 0],
    ['len(msnp.text == 1', "missing ')' to close len(", 14],
    ['frame.time > "yesterday"', '\'yesterday\' is not a time for \'frame.time\' (write "2006-03-17 10:00:00")', 13],
    ['tcp == 1', "'tcp' is a protocol: test it on its own (e.g. 'tcp'), not with '=='", 4],
    ['frame contains zz', "'zz' is not bytes for 'frame' (write aa:bb:cc or \"text\")", 15],
    ['msnp ^ tcp', "unexpected character '^'", 5],
  ])('%s is rejected: %s', (filter, error, position) => {
    expect(compileFilter(filter)).toEqual({ ok: false, error, position });
  });
});
