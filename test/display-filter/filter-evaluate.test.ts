// Evaluation over hand-built FrameFields: any-value semantics, `!=` as `!(==)`, presence tests,
// case rules, addresses by value, keywords and precedence.
import { describe, expect, it } from 'vitest';
import { compileFilter } from '../../src/shared/display-filter/compile-filter';
import type { FrameFields } from '../../src/shared/display-filter/frame-fields';

const msg: FrameFields = {
  number: 7,
  ipSrc: '10.0.0.1',
  ipDst: '10.0.0.2',
  tcpSrcPort: 50123,
  tcpDstPort: 1864,
  tcpStream: 3,
  msnp: {
    commands: ['MSG', 'ACK'],
    trids: [12, 13],
    accounts: ['alice@example.com'],
    sessions: [2],
    errors: [],
    version: 'MSNP12',
    contentTypes: ['text/plain; charset=UTF-8'],
    texts: ['Hi Bob! This is message 1 from Alice.'],
  },
};
const error: FrameFields = {
  number: 8,
  ipSrc: '::1',
  ipDst: '::1',
  tcpSrcPort: 1863,
  tcpDstPort: 40000,
  tcpStream: 4,
  msnp: { commands: ['911'], trids: [5], accounts: [], sessions: [], errors: [911], version: null, contentTypes: [], texts: [] },
};
const plainTcp: FrameFields = { number: 9, ipSrc: '192.168.1.5', ipDst: '10.0.0.2', tcpSrcPort: 443, tcpDstPort: 50000, tcpStream: 0 };
const nonIp: FrameFields = { number: 10 };
const frames = [msg, error, plainTcp, nonIp];

function matching(text: string): number[] {
  const compiled = compileFilter(text);
  if (!compiled.ok) throw new Error(`${compiled.error} at ${compiled.position}`);
  return frames.filter(compiled.predicate).map((f) => f.number);
}

describe('compileFilter evaluation', () => {
  it.each([
    ['', [7, 8, 9, 10]],
    ['   ', [7, 8, 9, 10]],
    ['msnp', [7, 8]],
    ['!msnp', [9, 10]],
    ['not not msnp', [7, 8]],
    ['ip.src', [7, 8, 9]],
    ['msnp.error', [8]],
    ['msnp.account', [7]],
    ['frame.number == 8', [8]],
    ['frame.number >= 8 && frame.number < 10', [8, 9]],
    ['frame.number ge 9', [9, 10]],
    ['frame.number eq 0x7', [7]],
    // any value matches
    ['msnp.cmd == ACK', [7]],
    ['msnp.cmd == msg', [7]],
    ['msnp.trid > 12', [7]],
    ['tcp.port == 1863', [8]],
    ['tcp.port == 1864', [7]],
    ['tcp.port < 1000', [9]],
    ['tcp.srcport == 1863 or tcp.dstport == 1864', [7, 8]],
    ['tcp.stream == 0', [9]],
    ['ip.addr == 10.0.0.2', [7, 9]],
    ['ip.dst == 10.0.0.2 and ip.src == 192.168.1.5', [9]],
    ['ip.addr == 10.0.0.0/8', [7, 9]],
    ['ip.addr == 0:0:0::1', [8]],
    ['ip.src == ip.dst', [8]],
    ['ip.src > 10.0.0.1', [9]],
    // != is !(==): no value equal, absent fields included
    ['ip.addr != 10.0.0.2', [8, 10]],
    ['msnp.cmd != MSG', [8, 9, 10]],
    ['msnp && msnp.cmd != MSG', [8]],
    ['tcp.port != 1863', [7, 9, 10]],
    // strings
    ['msnp.account == Alice@Example.COM', [7]],
    ['msnp.account == "alice@example.com"', [7]],
    ['msnp.version == msnp12', [7]],
    ['msnp.content_type contains "text/plain"', [7]],
    ['msnp.text contains "message 1"', [7]],
    ['msnp.text contains "MESSAGE 1"', []],
    ['msnp.text == "Hi Bob! This is message 1 from Alice."', [7]],
    ['msnp.session == 2', [7]],
    ['msnp.error == 911', [8]],
    ['msnp.cmd == 911', [8]],
    // precedence: not > and > or; parentheses
    ['msnp.error || msnp.cmd == MSG && tcp.port == 1', [8]],
    ['(msnp.error || msnp.cmd == MSG) && tcp.port == 1864', [7]],
    ['!msnp.error && msnp', [7]],
    ['not (msnp or ip.src) ', [10]],
    ['MSNP.CMD == MSG', [7]],
    ['msnp.cmd == MSG AND tcp.port == 1864', [7]],
  ])('%s', (text, expected) => {
    expect(matching(text)).toEqual(expected);
  });
});
