// commandCounts: every command as it appears on the wire (both directions, every connection),
// keyed by verb or error code; lines that are not commands are left out and noted.
import { describe, expect, it } from 'vitest';
import { captureScript, runScript } from './script';

describe('command counts', () => {
  it('the MSNP12 capture, counted per verb', () => {
    // Checked against the tshark byte dump: lines starting with each verb, plus the BLP 8 that
    // follows a UUX body without a line break of its own ("…</Data>BLP 8 AL", four times).
    expect(runScript(captureScript('msnp12-pecan-escargot-login-presence-chat')).analysis.commandCounts()).toEqual({
      ACK: 5, ANS: 2, BLP: 6, BYE: 1, CAL: 2, CHG: 12, CVR: 4, FLN: 1, GTC: 2, ILN: 1, IRO: 1, JOI: 1, LSG: 2, LST: 4,
      MSG: 26, NLN: 5, OUT: 3, PRP: 2, RNG: 1, SBP: 10, SBS: 2, SYN: 4, UBX: 6, USR: 10, UUX: 12, VER: 4, XFR: 2,
    });
  });

  it('the 2005 sample: 40 PNG, 40 QNG, 244 MSG', () => {
    const counts = runScript(captureScript('msnms-2005-wireshark-sample')).analysis.commandCounts();
    expect(counts).toMatchObject({ PNG: 40, QNG: 40, MSG: 244, RNG: 3, XFR: 2, ANS: 6, IRO: 3 });
  });

  it('error codes are keys of their own; malformed lines are not counted but noted', () => {
    const r = runScript(`conn 1 10.0.0.2:1025 10.0.0.1:1863
1 1 C: USR 3 TWN I alice@example.com
2 1 S: 911 3
3 1 S:  garbage line
4 1 S: 207 4
`);
    expect(r.analysis.commandCounts()).toEqual({ '207': 1, '911': 1, USR: 1 });
    expect(r.expert.all().filter((e) => e.message.startsWith('Malformed'))).toEqual([{ frame: 3, severity: 'warning', message: 'Malformed MSNP command: line starts with a space', connection: 1 }]);
    expect(r.analysis.connections()[0].commands).toBe(4);
  });
});
