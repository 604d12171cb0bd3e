// The command tree for the detail view: named parameters, transaction, connection, body.
import { describe, expect, it } from 'vitest';
import type { TreeNode } from '../../src/shared/model';
import { compileFilter } from '../../src/shared/display-filter/compile-filter';
import { fieldFilter } from '../../src/shared/display-filter/filter-expression';
import { captureScript, runScript } from './script';

function labels(node: TreeNode): string[] {
  const out: string[] = [];
  const stack = [node];
  while (stack.length) {
    const n = stack.shift() as TreeNode;
    out.push(n.label);
    if (n.children) stack.push(...n.children);
  }
  return out;
}

describe('command tree', () => {
  const r = runScript(captureScript('msnp12-pecan-escargot-login-presence-chat'));
  const find = (frame: number, connection?: number) => {
    const x = r.annotations.find((a) => a.cmd.frame === frame && (connection === undefined || a.connection === connection));
    if (!x) throw new Error(`frame ${frame}`);
    return r.analysis.describe(x.connection, x.cmd);
  };

  it('a client chat message: parameters by name, its ACK, connection, the MIME body', () => {
    const tree = find(211);
    expect(tree.label).toBe('MSNP (client → server): MSG 3 A 185');
    const all = labels(tree);
    expect(all).toEqual(expect.arrayContaining(['Command: MSG', 'TrID: 3', 'ack mode: A', 'length: 185', '[Response in frame 214: ACK]', '[Connection: switchboard, MSNP12, alice@example.com]', '[Session 1]', 'Body (185 bytes)']));
    expect(all).toContain('Text: Hi Bob! This is message 1 from Alice.');
    // No byte ranges: the analysis does not know where the command sits in its frame.
    expect(JSON.stringify(tree)).not.toContain('"range"');
  });

  it('links a request to its response and back (Go to linked frame)', () => {
    // In the PPA chat (tshark: frame 6 is "CAL 94 tesla_thomas@hotmail.com", frame 7 "CAL 94 RINGING").
    const ppa = runScript(captureScript('ppa-2006-switchboard-chat'));
    const at = (frame: number) => {
      const x = ppa.annotations.find((a) => a.cmd.frame === frame)!;
      return ppa.analysis.describe(x.connection, x.cmd).children ?? [];
    };
    expect(at(6).filter((n) => n.linkedFrame !== undefined).map((n) => [n.label, n.linkedFrame])).toEqual([['[Response in frame 7: CAL]', 7]]);
    const reply = at(7).filter((n) => n.linkedFrame !== undefined);
    expect(reply.map((n) => n.linkedFrame)).toEqual([6]);
    expect(reply[0].label).toMatch(/^\[Reply to CAL 94 in frame 6, [\d.]+ ms\]$/);
  });

  it('marks the nodes that are display-filter fields, with filters that compile', () => {
    const tree = find(211);
    const byLabel = new Map((tree.children ?? []).map((n) => [n.label, n.field]));
    expect(byLabel.get('Command: MSG')).toEqual({ name: 'msnp.cmd', value: 'MSG' });
    expect(byLabel.get('TrID: 3')).toEqual({ name: 'msnp.trid', value: 3 });
    expect(byLabel.get('[Session 1]')).toEqual({ name: 'msnp.session', value: 1 });
    expect(byLabel.get('ack mode: A')).toBeUndefined();
    const stack = [tree];
    let text: TreeNode | undefined;
    while (stack.length && !text) {
      const n = stack.pop()!;
      if (n.label.startsWith('Text:')) text = n;
      stack.push(...(n.children ?? []));
    }
    expect(text?.field).toEqual({ name: 'msnp.text', value: 'Hi Bob! This is message 1 from Alice.' });
    // bob's NLN presence names his account.
    const accounts = [...r.annotations].filter((a) => a.cmd.verb === 'NLN').map((a) => r.analysis.describe(a.connection, a.cmd).children?.find((n) => n.field?.name === 'msnp.account')?.field);
    expect(accounts).toContainEqual({ name: 'msnp.account', value: 'bob@example.com' });
    for (const node of tree.children ?? []) if (node.field) expect(compileFilter(fieldFilter(node.field)!).ok).toBe(true);
  });

  it('a profile message: MSPAuth shown redacted', () => {
    const all = labels(find(48));
    expect(all.some((l) => /^MSPAuth: <redacted, \d+ characters>$/.test(l))).toBe(true);
  });

  it('an XML body is shown as text', () => {
    const all = labels(find(158));
    expect(all).toContain('<Data><PSM>Alice is testing MSNP</PSM><CurrentMedia></CurrentMedia></Data>');
  });

  it('a nick is shown decoded; msnobj too', () => {
    const all = labels(find(147));
    expect(all).toContain('nick: Bob');
    expect(all).toContain('msnobj: <msnobj/>');
  });

  it('a malformed line is marked', () => {
    const m = runScript('conn 1 10.0.0.2:1025 10.0.0.1:1863\n1 1 S:  oops\n');
    const tree = m.analysis.describe(1, m.annotations[0].cmd);
    expect(tree.children?.find((c) => c.severity === 'warning')?.label).toBe('Malformed: line starts with a space');
  });
});

describe('command tree of P2P', () => {
  it('decodes the binary P2P header and the SLP INVITE of the file-transfer capture', () => {
    const r = runScript(captureScript('msnp12-pecan-escargot-file-transfer-p2p'));
    const x = r.annotations.find((a) => a.cmd.frame === 202);
    if (!x) throw new Error('frame 202');
    const text = JSON.stringify(r.analysis.describe(x.connection, x.cmd));
    expect(text).toContain('INVITE MSNMSGR:bob@example.com MSNSLP/1.0');
    expect(text).toContain('846930890');
  });
});
