// MsnpFramer over the real captures (test/fixtures/captures): every MSNP byte frames into
// well-formed commands, and per-verb counts match counts taken from `tshark -z follow,tcp,ascii`
// (grep of command lines, plus commands that follow a body without a line break, checked by hand).
import { describe, expect, it } from 'vitest';
import { CAPTURES } from '../helpers/captures';
import type { MsnpCommand } from '../../src/main/engine/msnp/msnp-command';
import { MsnpFramer } from '../../src/main/engine/msnp/msnp-framer';
import { tcpHalfStreams } from './tcp-payloads';

const MSNP_PORTS = new Set([1863, 1864]);

function frameCapture(path: string, version: number | null): { commands: MsnpCommand[]; notes: string[] } {
  const commands: MsnpCommand[] = [];
  const notes: string[] = [];
  for (const hs of tcpHalfStreams(path)) {
    if (!MSNP_PORTS.has(hs.srcPort) && !MSNP_PORTS.has(hs.dstPort)) continue;
    const framer = new MsnpFramer({
      direction: MSNP_PORTS.has(hs.dstPort) ? 'c2s' : 's2c',
      version: () => version,
      onCommand: (c) => commands.push(c),
      onNote: (_f, _s, m) => notes.push(m),
    });
    for (const s of hs.segments) framer.push(s.bytes, s.frame, s.tsUs);
    const last = hs.segments.at(-1);
    framer.end(last?.frame ?? 0, last?.tsUs ?? 0);
  }
  return { commands, notes };
}

const countVerbs = (commands: MsnpCommand[]): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const c of commands) out[c.verb] = (out[c.verb] ?? 0) + 1;
  return out;
};

describe('MsnpFramer on real captures', () => {
  it.each([
    ['wireshark2005', null],
    ['ppa2006', null],
    ['pecanChat', 12],
    ['pecanFileTransfer', 12],
    ['msnp15Sso', 15],
    ['msnp18Pidgin', 18],
  ] as const)('%s: no malformed command, no note, every body as long as announced', (name, version) => {
    const { commands, notes } = frameCapture(CAPTURES[name], version);
    expect(commands.length).toBeGreaterThan(0);
    expect(commands.filter((c) => c.malformed !== undefined).map((c) => c.line)).toEqual([]);
    expect(notes).toEqual([]);
    for (const c of commands.filter((x) => x.body !== null)) expect(c.body!.length).toBe(Number(c.params.at(-1)));
  });

  it('2005 sample: verb counts', () => {
    const { commands } = frameCapture(CAPTURES.wireshark2005, null);
    expect(countVerbs(commands)).toEqual({
      MSG: 244, PNG: 40, QNG: 40, OUT: 5, NLN: 10, ANS: 6, CAL: 4, IRO: 3, RNG: 3, BYE: 2, JOI: 2, USR: 2, XFR: 2, UBX: 1,
    });
  });

  it('2005 sample: the first typing notification of frame 1 (102 bytes: 13-byte line + 89-byte body)', () => {
    const first = frameCapture(CAPTURES.wireshark2005, null).commands.find((c) => c.frame === 1)!;
    expect(first.line).toBe('MSG 77 U 89');
    expect(first.frames).toEqual([1]);
    expect(new TextDecoder().decode(first.body!)).toBe(
      'MIME-Version: 1.0\r\nContent-Type: text/x-msmsgscontrol\r\nTypingUser: jujurius@msn.com\r\n\r\n\r\n',
    );
  });

  it('MSNP18 pidgin capture: verb counts, including commands glued to the end of a body', () => {
    const { commands } = frameCapture(CAPTURES.msnp18Pidgin, 18);
    expect(countVerbs(commands)).toEqual({
      ACK: 5, ADL: 4, ANS: 2, BLP: 8, BYE: 2, CAL: 2, CHG: 12, CVR: 4, FLN: 1, GCF: 2, IRO: 2, JOI: 3, MSG: 30,
      NLN: 18, OUT: 3, PRP: 4, RNG: 1, SBS: 2, UBX: 21, USR: 14, UUX: 20, VER: 4, XFR: 2,
    });
  });
});
