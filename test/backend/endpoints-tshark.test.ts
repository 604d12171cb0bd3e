// Statistics → Endpoints on every shared capture: the IP and TCP endpoint tables against tshark's
// `-qz endpoints,ip -z endpoints,tcp` of the same file (packets, bytes, Tx/Rx each; stored by
// test/tools/tshark-endpoints-io.sh), and the MSNP accounts of the file-transfer capture against
// what its README says happens (alice and bob, one chat line each, two files alice → bob, each
// logged in on one notification and one switchboard connection: tshark -qz conv,tcp lists two
// connections on 1863 and two on 1864).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileFilter } from '../../src/shared/display-filter/compile-filter';
import type { StatsTable } from '../../src/shared/statistics';
import { CAPTURES } from '../helpers/captures';
import { realAnalysisSession } from '../helpers/real-session';

type Counts = [packets: number, bytes: number, txPackets: number, txBytes: number, rxPackets: number, rxBytes: number];

/** tshark's endpoint sections: "IPv4 Endpoints" → "address" → counts, "TCP Endpoints" → "address:port" → counts. */
function tsharkEndpoints(name: string): Map<string, Map<string, Counts>> {
  const text = readFileSync(new URL(`../fixtures/tshark/${name}.endpoints.txt`, import.meta.url), 'utf8');
  const sections = new Map<string, Map<string, Counts>>();
  let current: Map<string, Counts> | null = null;
  for (const line of text.split('\n')) {
    const title = /^(IPv4|TCP) Endpoints$/.exec(line.trim());
    if (title) sections.set(title[1], (current = new Map()));
    const ip = /^(\d+\.\d+\.\d+\.\d+)\s+((?:\d+\s+){6,7})$/.exec(line.trim() + ' ');
    if (!current || !ip) continue;
    const numbers = ip[2].trim().split(/\s+/).map(Number);
    if (numbers.length === 7) current.set(`${ip[1]}:${numbers[0]}`, numbers.slice(1) as Counts);
    else current.set(ip[1], numbers as Counts);
  }
  return sections;
}

const ourCounts = (table: StatsTable, keyColumns: number) =>
  new Map(table.rows.map((r) => [r.slice(0, keyColumns).join(':'), r.slice(keyColumns) as Counts]));

describe.each(Object.values(CAPTURES).map((p) => basename(p, '.pcap')))('endpoints of %s, against tshark', (name) => {
  const session = realAnalysisSession();
  beforeAll(() => session.load([new URL(`../fixtures/captures/${name}.pcap`, import.meta.url).pathname], name, {}));
  afterAll(() => session.dispose());

  it('IP and TCP endpoints: packets, bytes, Tx and Rx as tshark -qz endpoints,ip / endpoints,tcp', () => {
    const [ip, tcp] = session.statistics('endpoints').tables;
    const expected = tsharkEndpoints(name);
    expect(ip.title).toBe('IP endpoints');
    expect(ourCounts(ip, 1)).toEqual(expected.get('IPv4'));
    expect(tcp.title).toBe('TCP endpoints');
    expect(ourCounts(tcp, 2)).toEqual(expected.get('TCP'));
    // Most packets first, as tshark lists them.
    const packets = ip.rows.map((r) => r[1] as number);
    expect(packets).toEqual([...packets].sort((a, b) => b - a));
    // Each row's "filter on this" is a valid filter naming its address (and port).
    expect(ip.rowFilters).toEqual(ip.rows.map((r) => `ip.addr == ${r[0]}`));
    expect(tcp.rowFilters).toEqual(tcp.rows.map((r) => `ip.addr == ${r[0]} && tcp.port == ${r[1]}`));
    for (const filter of [...ip.rowFilters!, ...tcp.rowFilters!]) expect(compileFilter(filter).ok, filter).toBe(true);
  });
});

describe('MSNP accounts of the MSNP12 file-transfer capture', () => {
  const session = realAnalysisSession();
  beforeAll(() => session.load([CAPTURES.pecanFileTransfer], 'file transfer', {}));
  afterAll(() => session.dispose());

  it('lists alice and bob with their connections, sessions, messages and files as the capture README tells', () => {
    const accounts = session.statistics('endpoints').tables[2];
    expect(accounts.title).toBe('MSNP accounts');
    expect(accounts.columns.map((c) => c.label)).toEqual(['Account', 'Connections', 'Sessions', 'Messages sent', 'Messages received', 'Files sent', 'Files received']);
    const byAccount = Object.fromEntries(accounts.rows.map((r) => [r[0], r.slice(1)]));
    expect(byAccount).toEqual({
      'alice@example.com': [2, 1, 1, 1, 2, 0],
      'bob@example.com': [2, 1, 1, 1, 0, 2],
    });
    expect(accounts.rowFilters).toEqual(accounts.rows.map((r) => `msnp.account == "${r[0]}"`));
  });

  it("an account's filter selects the frames that name it", async () => {
    const accounts = session.statistics('endpoints').tables[2];
    const answer = await session.view(accounts.rowFilters![0], null);
    expect(answer.ok && answer.counts.displayed).toBeGreaterThan(0);
  });
});
