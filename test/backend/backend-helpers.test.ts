// The back end's small helpers: recent-files persistence, RFC 4180 CSV, default output names,
// request argument validation.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { outputPath } from '../../src/main/backend/output-path';
import { MAX_RECENT_FILES, RecentFiles } from '../../src/main/backend/recent-files';
import { validateRequest } from '../../src/main/backend/request-validation';
import { csvCell as csvField } from '../../src/shared/csv-cell';
import { csvReport as transcriptCsv } from '../../src/main/report/csv-report';
import { defaultConfigDir } from '../../src/main/backend/config-dir';
import { emptyResult } from './stub-analyzer';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('RecentFiles', () => {
  it('keeps newest first, without duplicates, capped, across instances', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'recent-'));
    dirs.push(dir);
    const recent = new RecentFiles(join(dir, 'cfg'));
    expect(await recent.list()).toEqual([]);
    await recent.add(['/a.pcap']);
    await recent.add(['/b.pcap', '/c.pcap']);
    await recent.add(['/a.pcap']);
    expect(await new RecentFiles(join(dir, 'cfg')).list()).toEqual(['/a.pcap', '/b.pcap', '/c.pcap']);
    for (let i = 0; i < 20; i++) await recent.add([`/f${i}.pcap`]);
    const list = await new RecentFiles(join(dir, 'cfg')).list();
    expect(list).toHaveLength(MAX_RECENT_FILES);
    expect(list[0]).toBe('/f19.pcap');
  });

  it('treats a corrupt file as empty', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'recent-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'recent-files.json'), '{not json');
    expect(await new RecentFiles(dir).list()).toEqual([]);
    writeFileSync(join(dir, 'recent-files.json'), JSON.stringify({ recent: ['/x', 3, null] }));
    expect(await new RecentFiles(dir).list()).toEqual(['/x']);
  });
});

describe('transcript CSV', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\r\nlines', '"two\r\nlines"'],
    ['你好 🙂', '你好 🙂'],
  ])('quotes %j as RFC 4180 says', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('writes one row per message with a header, CRLF line ends', () => {
    const result = emptyResult(10);
    result.sessions = [{
      id: 2, connections: [3, 4], participants: [], typing: 0,
      messages: [
        { frame: 7, time: '2026-11-23T12:04:30.123456Z', from: 'alice@example.com', nick: 'Alice', text: 'Hi, Bob!' },
        { frame: 9, time: '2026-11-23T12:04:31.000000Z', from: 'bob@example.com', nick: 'Bob "B"', text: 'line1\nline2' },
      ],
    }];
    expect(transcriptCsv(result)).toBe(
      'session,frame,time,from,nick,text\r\n' +
      '2,7,2026-11-23T12:04:30.123456Z,alice@example.com,Alice,"Hi, Bob!"\r\n' +
      '2,9,2026-11-23T12:04:31.000000Z,bob@example.com,"Bob ""B""","line1\nline2"\r\n',
    );
  });
});

describe('outputPath', () => {
  it('derives a safe name from the label and avoids existing files', () => {
    const taken = new Set(['/out/chat-analysis.json', '/out/chat-analysis-2.json']);
    expect(outputPath('/out', '/captures/chat.pcap', '-analysis.json', (p) => taken.has(p))).toBe('/out/chat-analysis-3.json');
    expect(outputPath('/out', 'eth0 (live)', '.pcapng', () => false)).toBe('/out/eth0_live_.pcapng');
    expect(outputPath('/out', '../../etc/passwd', '.csv', () => false)).toBe('/out/passwd.csv');
  });
});

const RING = 'expected ring { fileSizeMb: 1–4096, files: 2–1000 } (no path: the back end chooses where to write)';

describe('validateRequest', () => {
  it.each([
    ['file:open', { paths: ['/a.pcap'] }, null],
    ['file:open', { paths: [] }, 'expected { paths: [1–64 file paths] }'],
    ['file:open', { paths: ['a\0b'] }, 'expected { paths: [1–64 file paths] }'],
    ['file:open', '/a.pcap', 'expected { paths: [1–64 file paths] }'],
    ['frames:detail', { number: 3 }, null],
    ['frames:detail', { number: '3' }, 'expected { number: integer }'],
    ['frames:view', { filter: 'msnp', sort: null }, null],
    ['frames:view', { filter: 'msnp', sort: { column: 'length', desc: true } }, null],
    ['frames:view', { filter: 'msnp', sort: { column: 'colour', desc: true } }, 'expected { filter: string, sort: { column, desc } | null }'],
    ['frames:view', {}, 'expected { filter: string, sort: { column, desc } | null }'],
    ['frames:rows', { start: 0, count: 100 }, null],
    ['frames:rows', { start: -1, count: 100 }, 'expected { start: integer ≥ 0, count: 0–2000, fields?: [0–16 column field names] }'],
    ['frames:rows', { start: 0, count: 2001 }, 'expected { start: integer ≥ 0, count: 0–2000, fields?: [0–16 column field names] }'],
    ['frames:position', { number: 7 }, null],
    ['frames:position', { number: 1.5 }, 'expected { number: integer }'],
    ['stats:get', { kind: 'conversations' }, null],
    ['stats:get', { kind: 'endpoints' }, null],
    ['stats:get', { kind: 'io-graph' }, "expected { kind: 'properties' | 'hierarchy' | 'conversations' | 'endpoints' | 'commands' }"],
    ['stats:get', { kind: 'commands', frames: [1] }, "expected { kind: 'properties' | 'hierarchy' | 'conversations' | 'endpoints' | 'commands' }"],
    ['capture:start', { device: 'lo', filter: 'tcp' }, null],
    ['capture:start', { device: 'lo', filter: '', ring: { fileSizeMb: 10, files: 3 } }, null],
    ['capture:start', { device: 'lo', filter: '', ring: { fileSizeMb: 10, files: 1 } }, RING],
    ['capture:start', { device: 'lo', filter: '', ring: { fileSizeMb: 10, files: 1001 } }, RING],
    ['capture:start', { device: 'lo', filter: '', ring: { fileSizeMb: 10, files: 2 ** 53 } }, RING],
    ['capture:start', { device: 'lo', filter: '', ring: { fileSizeMb: 0.5, files: 2 } }, RING],
    ['capture:start', { device: 'lo', filter: '', ring: { fileSizeMb: 4097, files: 2 } }, RING],
    ['capture:start', { device: 'lo', filter: '', ring: { directory: '/tmp', fileSizeMb: 10, files: 3 } }, RING],
    ['capture:start', { device: 'lo', filter: '', directory: '/tmp' }, 'expected { device: string, filter: string, ring? }'],
    ['stream:follow', { stream: 3 }, null],
    ['stream:follow', { stream: 3, limitBytes: 1024 }, null],
    ['stream:follow', { stream: -1 }, 'expected { stream: integer ≥ 0, limitBytes?: 1–8388608 }'],
    ['stream:follow', { stream: 3, limitBytes: 8388609 }, 'expected { stream: integer ≥ 0, limitBytes?: 1–8388608 }'],
    ['stream:follow', { stream: 3, path: '/etc/passwd' }, 'expected { stream: integer ≥ 0, limitBytes?: 1–8388608 }'],
    ['capture:save', { msnpOnly: true }, null],
    ['capture:save', { msnpOnly: 'yes' }, "expected { msnpOnly: boolean, displayedOnly?: boolean, markedOnly?: boolean, range?: string, format?: 'pcapng' | 'pcap' } (no path: the back end chooses where to write)"],
    ['capture:save', { msnpOnly: true, format: 'exe' }, "expected { msnpOnly: boolean, displayedOnly?: boolean, markedOnly?: boolean, range?: string, format?: 'pcapng' | 'pcap' } (no path: the back end chooses where to write)"],
    ['capture:save', { msnpOnly: true, range: 'x'.repeat(1001) }, "expected { msnpOnly: boolean, displayedOnly?: boolean, markedOnly?: boolean, range?: string, format?: 'pcapng' | 'pcap' } (no path: the back end chooses where to write)"],
    ['capture:save', { msnpOnly: true, path: '/etc/cron.d/x' }, "expected { msnpOnly: boolean, displayedOnly?: boolean, markedOnly?: boolean, range?: string, format?: 'pcapng' | 'pcap' } (no path: the back end chooses where to write)"],
    ['file:export', { format: 'xml' }, "expected { format: 'json' | 'csv' } (no path: the back end chooses where to write)"],
    ['file:export', { format: 'json', path: '/root/.bashrc' }, "expected { format: 'json' | 'csv' } (no path: the back end chooses where to write)"],
    ['file:close', undefined, null],
    ['file:delete', {}, "unknown channel 'file:delete'"],
    ['__proto__', {}, "unknown channel '__proto__'"],
  ])('%s %j', (channel, arg, expected) => {
    expect(validateRequest(channel, arg)).toBe(expected);
  });
});

describe('defaultConfigDir', () => {
  it('follows each platform\'s convention', () => {
    expect(defaultConfigDir({ XDG_CONFIG_HOME: '/x' }, 'linux')).toBe('/x/msnp-analyzer');
    expect(defaultConfigDir({ APPDATA: 'C:/Users/u/AppData/Roaming' }, 'win32')).toMatch(/Roaming[\\/]msnp-analyzer$/);
    expect(defaultConfigDir({}, 'darwin')).toMatch(/Library\/Application Support\/msnp-analyzer$/);
  });
});
