// The framer tells how many stream bytes each command took (line, its line end, body), so the
// views can highlight a command's bytes.
import { expect, it } from 'vitest';
import { MsnpFramer } from '../../src/main/engine/msnp/msnp-framer';
import type { MsnpCommand } from '../../src/main/engine/msnp/msnp-command';

function frame(pushes: string[]): MsnpCommand[] {
  const out: MsnpCommand[] = [];
  const f = new MsnpFramer({ direction: 's2c', version: () => 12, onCommand: (c) => out.push(c) });
  pushes.forEach((p, i) => f.push(new TextEncoder().encode(p), i + 1, i));
  return out;
}

it('counts CRLF and bare LF line ends and bodies, across pushes', () => {
  const cmds = frame(['CHG 5 NLN 0\r\nQNG 50\nMSG bob@x.com Bob 5\r\nhel', 'loJOI a@b.c A\r\n']);
  expect(cmds.map((c) => [c.verb, c.streamOffset, c.byteLength])).toEqual([
    ['CHG', 0, 13], // "CHG 5 NLN 0" (11) + CRLF
    ['QNG', 13, 7], // "QNG 50" (6) + LF
    ['MSG', 20, 26], // "MSG bob@x.com Bob 5" (19) + CRLF + "hello" (5), split over two pushes
    ['JOI', 46, 13], // "JOI a@b.c A" (11) + CRLF
  ]);
});
