import { describe, expect, it } from 'vitest';
import { captureScript, runScript } from './script';

function versionOf(script: string, id = 1): { version: string | null; versionSource?: string } {
  const c = runScript(script).analysis.connections().find((x) => x.id === id);
  if (!c) throw new Error(`no connection ${id}`);
  return { version: c.version, versionSource: c.versionSource };
}

const NS = 'conn 1 10.0.0.2:1025 10.0.0.1:1863\n';

describe('version from VER', () => {
  it("is the server's reply (the first MSNPx it names)", () => {
    expect(versionOf(`${NS}1 1 C: VER 1 MSNP18 MSNP17 CVR0\n2 1 S: VER 1 MSNP15\n`)).toEqual({ version: 'MSNP15', versionSource: 'VER' });
  });

  it("is the client's best offer when the reply is not captured", () => {
    expect(versionOf(`${NS}1 1 C: VER 1 MSNP11 MSNP12 CVR0\n`)).toEqual({ version: 'MSNP12', versionSource: 'VER' });
  });

  it('notes a refused negotiation (`VER n 0`)', () => {
    const r = runScript(`${NS}1 1 C: VER 1 MSNP21 CVR0\n2 1 S: VER 1 0\n`);
    expect(r.expert.all().map((e) => e.message)).toContain('Version negotiation failed: the server supports none of the offered versions');
  });

  it('is given to the framer as a number', () => {
    const r = runScript(`${NS}1 1 C: VER 1 MSNP12 CVR0\n2 1 S: VER 1 MSNP12\n`);
    expect(r.analysis.versionOf(1)).toBe(12);
    expect(r.analysis.versionOf(99)).toBeNull();
  });

  it('MSNFTP names no MSNP version', () => {
    expect(versionOf('conn 1 10.0.0.5:6891 10.0.0.9:4123\n1 1 C: VER MSNFTP\n')).toEqual({ version: 'MSNFTP', versionSource: 'VER' });
  });
});

describe('version inferred from command shapes (captures that start mid-session)', () => {
  it('the 2005 sample reads as MSNP11: UBX (11) and msnobj on NLN (9)', () => {
    const r = runScript(captureScript('msnms-2005-wireshark-sample'));
    const ns = r.analysis.connections().find((c) => c.role === 'notification');
    expect(ns).toMatchObject({ version: 'MSNP11', versionSource: 'inferred' });
  });

  it('msnobj on NLN alone says MSNP9', () => {
    expect(versionOf(`${NS}1 1 S: NLN NLN bob@example.com Bob 268435456 %3Cmsnobj%20Creator%3D%22bob%40example.com%22%2F%3E\n`)).toEqual({ version: 'MSNP9', versionSource: 'inferred' });
  });

  it('capabilities on JOI say MSNP12 (the 2006 PPA sample)', () => {
    expect(versionOf(captureScript('ppa-2006-switchboard-chat'))).toEqual({ version: 'MSNP12', versionSource: 'inferred' });
  });

  it('ADL says MSNP13, the `1:` network prefix MSNP18, SDG MSNP21', () => {
    expect(versionOf(`${NS}1 1 C: ADL 7 88\n| <ml l='1'><d n='example.com'><c n='carol' l='3' t='1'/><c n='bob' l='3' t='1'/></d></ml>\n`).version).toBe('MSNP13');
    expect(versionOf(`${NS}1 1 S: FLN 1:bob@example.com 0:0\n`).version).toBe('MSNP18');
    expect(versionOf(`${NS}1 1 S: NLN NLN 1:alice@example.com Alice 2416181284:00 0\n`).version).toBe('MSNP18');
    expect(versionOf(`${NS}1 1 S: SDG 0 0\n`).version).toBe('MSNP21');
  });

  it('the network id after the account says MSNP14 (MSNP15 capture shapes)', () => {
    expect(versionOf(`${NS}1 1 S: NLN NLN bob@example.com 1 Bob 1342472228 %3Cmsnobj%2F%3E\n`).version).toBe('MSNP14');
    expect(versionOf(`${NS}1 1 S: FLN bob@example.com 1 0\n`).version).toBe('MSNP14');
  });

  it('the highest floor wins, whatever the order', () => {
    expect(versionOf(`${NS}1 1 S: UBX bob@example.com 0\n2 1 S: NLN NLN bob@example.com Bob 1 %3Cmsnobj%2F%3E\n3 1 C: PNG\n`).version).toBe('MSNP11');
  });

  it('says nothing when nothing tells', () => {
    expect(versionOf(`${NS}1 1 C: PNG\n2 1 S: QNG\n`)).toEqual({ version: null, versionSource: undefined });
  });

  it('a switchboard inherits the version of the notification connection that sent it there', () => {
    const r = runScript(captureScript('msnp12-pecan-escargot-login-presence-chat'));
    const sbs = r.analysis.connections().filter((c) => c.role === 'switchboard');
    expect(sbs).toHaveLength(2);
    for (const sb of sbs) expect(sb).toMatchObject({ version: 'MSNP12', versionSource: 'inferred' });
    expect(r.analysis.versionOf(sbs[0].id)).toBe(12);
  });
});
