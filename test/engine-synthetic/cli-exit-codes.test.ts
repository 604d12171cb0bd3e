// The command-line analyzer as a user runs it (`node dist/main/cli.js`, built first by
// scripts/build-node.mjs): a truncated capture is analysed up to the damage with exit code 0 and
// the damage on stderr; a file that is not a capture, or no file at all, gives exit code 2 and
// a one-line error; --format text and csv make control characters of captured text visible;
// --extract writes a file sent as `invoice<RLO>gpj.exe` under a name without the override.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPcap, writeTempCapture } from '../helpers/capture-builder';
import { EXE_BYTES, JPG_SENT, spoofedFrames } from './spoofed-file-scenario';
import { chatMime, conversationAt, payloadCommand, T0_US, terminalControls, writeFrames } from './synthetic';

const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'main', 'cli.js');

function cli(...args: string[]) {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 20_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const HOSTILE = '<script>alert(1)</script> \x1b[2J\x1b]0;owned\x07 done';

const frames = conversationAt(T0_US, {
  client: { ip: '10.5.0.1', port: 2100 },
  server: { ip: '207.46.108.90', port: 1863 },
  messages: [
    { from: 'client', payload: 'USR 1 alice@hotmail.com 1.2\r\n' },
    { from: 'server', payload: 'USR 1 OK alice@hotmail.com Alice\r\n' },
    { from: 'server', payload: payloadCommand('MSG bob@hotmail.com Bob%1B[31m', chatMime(HOSTILE)) },
    { from: 'client', payload: payloadCommand('MSG 2 N', chatMime('the last message')) },
  ],
  fin: false,
});

beforeAll(() => {
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-node.mjs')], { cwd: ROOT, encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
}, 60_000);

describe('msnp-analyzer command line', () => {
  it('analyses a truncated capture up to the damage, exit code 0, damage on stderr', () => {
    const before = buildPcap(frames.slice(0, -1));
    const path = writeTempCapture(buildPcap(frames).subarray(0, before.length + 16 + 20));
    const { code, stdout, stderr } = cli(path, '--format', 'json');
    expect(code).toBe(0);
    expect(stderr).toContain(`damaged at offset ${before.length}`);
    const result = JSON.parse(stdout);
    expect(result.captures[0].damage.offset).toBe(before.length);
    expect(result.frames).toBe(frames.length - 1);
    expect(result.sessions[0].messages.map((m: { text: string }) => m.text)).toEqual([HOSTILE]);
  });

  it('refuses a file that is not a capture: exit code 2, one line on stderr, nothing on stdout', () => {
    const path = writeTempCapture(new TextEncoder().encode('This is a text file, not a capture.\n'.repeat(10)), 'notes.txt');
    const { code, stdout, stderr } = cli(path);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^msnp-analyzer: /);
  });

  it('refuses a missing file the same way', () => {
    const { code, stderr } = cli(join(ROOT, 'no-such-capture.pcap'));
    expect(code).toBe(2);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('prints hostile chat text escaped in --format text, and plain in JSON', () => {
    const path = writeTempCapture(buildPcap(frames));
    const text = cli(path, '--format', 'text');
    expect(text.code).toBe(0);
    expect(terminalControls(text.stdout)).toEqual([]);
    expect(text.stdout).toContain('<script>alert(1)</script>');
    expect(text.stdout).toContain('[2J');
    const json = cli(path, '--format', 'json');
    const result = JSON.parse(json.stdout);
    expect(result.sessions[0].messages[0].text).toBe(HOSTILE);
    expect(result.sessions[0].messages[0].nick).toBe('Bob\x1b[31m');
  });

  it('writes the report to --output', () => {
    const path = writeTempCapture(buildPcap(frames));
    const out = join(mkdtempSync(join(tmpdir(), 'msnp-cli-')), 'report.json');
    const { code, stdout } = cli(path, '--output', out);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).sessions[0].messages[1].text).toBe('the last message');
  });

  it('prints hostile chat text escaped in --format csv', () => {
    const csv = cli(writeTempCapture(buildPcap(frames)), '--format', 'csv');
    expect(csv.code).toBe(0);
    expect(terminalControls(csv.stdout.replace(/\r\n/g, '\n'))).toEqual([]);
    expect(csv.stdout).toContain(',Bob\\u{1b}[31m,<script>alert(1)</script> \\u{1b}[2J\\u{1b}]0;owned\\u{7} done\r\n');
  });

  it('extracts files under names without bidi controls, with only the bytes seen', () => {
    const dir = mkdtempSync(join(tmpdir(), 'msnp-cli-extract-'));
    const { code, stderr } = cli(writeFrames(spoofedFrames), '--extract', dir, '--format', 'json');
    expect(code).toBe(0);
    expect(stderr).toContain(`2 file(s) written to ${dir}`);
    const names = readdirSync(dir).sort();
    expect(names.some((n) => /[\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/.test(n))).toBe(false);
    expect(names.map((n) => n.replace(/^\d+-/, ''))).toEqual(['invoice_gpj.exe', 'photo.jpg.partial']);
    expect(names.map((n) => statSync(join(dir, n)).size)).toEqual([EXE_BYTES.length, JPG_SENT.length]);
  });
});
