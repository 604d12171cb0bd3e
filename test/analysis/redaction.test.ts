// No login secret from the real captures reaches a summary, a command tree or a record:
// the secrets are read from the capture scripts themselves and searched for in everything the
// analysis produces.
import { describe, expect, it } from 'vitest';
import { captureScript, runScript, type ScriptRun } from './script';

const CAPTURES = [
  'msnp12-pecan-escargot-login-presence-chat',
  'msnp12-pecan-escargot-file-transfer-p2p',
  'msnp15-scripted-client-escargot-sso-login',
  'msnp18-pidgin-escargot-login-presence-chat',
  'msnms-2005-wireshark-sample',
  'ppa-2006-switchboard-chat',
];

/** Secret values in a capture script, by the protocol's own rules (independent of the code under test). */
function secretsOf(script: string): string[] {
  const out: string[] = [];
  for (const line of script.split('\n')) {
    const cmd = /^\d+(?:@\d+)? \d+ ([CS]): (.*)$/.exec(line);
    if (cmd) {
      const [dir, text] = [cmd[1], cmd[2]];
      const t = text.split(' ');
      // `USR n TWN|MD5 S secret`, `USR n SSO S ticket mbi-response [machine-guid]` (the GUID is no secret).
      if (dir === 'C' && t[0] === 'USR' && ['TWN', 'MD5', 'SSO'].includes(t[2]) && t[3] === 'S') out.push(...t.slice(4, t[2] === 'SSO' ? 6 : 5));
      if (dir === 'C' && t[0] === 'USR' && t[2] === 'SHA' && t[3] === 'A') out.push(t[4]);
      if (dir === 'C' && t[0] === 'USR' && t.length === 4 && t[2].includes('@')) out.push(t[3]);
      if (dir === 'C' && t[0] === 'ANS') out.push(t[3]);
      const cki = t.indexOf('CKI');
      if (dir === 'S' && (t[0] === 'XFR' || t[0] === 'RNG') && cki > 0) out.push(t[cki + 1]);
    }
    const auth = /^\| MSPAuth: (.+)$/.exec(line);
    if (auth) out.push(auth[1]);
  }
  return out.filter((s) => s && s.length >= 8);
}

/** A window from inside each secret: catches a secret shortened for display too. */
function probes(secrets: string[]): string[] {
  return [...new Set(secrets.map((s) => s.replace(/^t=/, '').slice(0, 16)))];
}

function everything(r: ScriptRun): string {
  const a = r.analysis;
  const trees = r.annotations.map((x) => a.describe(x.connection, x.cmd));
  return JSON.stringify({
    connections: a.connections(),
    sessions: a.sessions(),
    contacts: a.contacts(),
    presence: a.presence(),
    counts: a.commandCounts(),
    expert: r.expert.all(),
    annotations: r.annotations.map((x) => x.annotation),
    trees,
  });
}

describe('redaction', () => {
  it('finds the secrets it looks for in the captures', () => {
    // Tickets (TWN/SSO/SHA), MBI responses, cookies and MSPAuth: the test must not pass vacuously.
    expect(secretsOf(captureScript('msnp12-pecan-escargot-login-presence-chat'))).toHaveLength(8);
    expect(secretsOf(captureScript('msnp18-pidgin-escargot-login-presence-chat')).length).toBeGreaterThanOrEqual(10);
    expect(secretsOf(captureScript('msnms-2005-wireshark-sample'))).toHaveLength(8);
  });

  for (const name of CAPTURES) {
    it(`nothing from ${name} leaks`, () => {
      const script = captureScript(name);
      const text = everything(runScript(script));
      for (const probe of probes(secretsOf(script))) expect(text.includes(probe), probe).toBe(false);
      expect(text).toContain('‹redacted›');
    });
  }

  it('showSecrets shows them', () => {
    const script = captureScript('msnp12-pecan-escargot-login-presence-chat');
    const r = runScript(script, { showSecrets: true });
    const ticketCmd = r.annotations.find((x) => x.cmd.line.startsWith('USR 4 TWN S'));
    if (!ticketCmd) throw new Error('no ticket line');
    const tree = JSON.stringify(r.analysis.describe(ticketCmd.connection, ticketCmd.cmd));
    expect(tree).toContain(ticketCmd.cmd.params[3].slice(0, 30));
    expect(r.at(188).summary).toContain('CKI f6b5960cd1e6737461a6');
  });

  it('summaries name what was redacted in place', () => {
    const r = runScript(captureScript('msnp18-pidgin-escargot-login-presence-chat'));
    expect(r.at(39).summary).toBe('USR 4 SSO S ‹redacted› ‹redacted› 42B97F22-15C1-2133-28B8-864229612F7E');
    expect(r.at(80).summary).toBe('USR 5 SHA A ‹redacted›');
    expect(r.at(309).summary).toMatch(/^RNG 4404944ae3b8aab3570d694782442b3 127\.0\.0\.1:1864 CKI ‹redacted› alice@example\.com Alice/);
  });

  it('the QRY challenge answer is hidden in the command tree', () => {
    const r = runScript(`conn 1 10.0.0.2:1025 10.0.0.1:1863
1 1 S: CHL 0 29409134351025259292
2 1 C: QRY 10 msmsgs@msnmsgr.com 32
| 8f2f5a91b72102cd28355e9fc9000d6e
3 1 S: QRY 10
`);
    const qry = r.annotations[1];
    const tree = JSON.stringify(r.analysis.describe(1, qry.cmd));
    expect(tree).not.toContain('8f2f5a91b72102cd28355e9fc9000d6e');
    expect(tree).toContain('Body (32 bytes): ‹redacted›');
  });
});
