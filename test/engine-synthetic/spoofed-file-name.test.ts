// The hostile chat of spoofed-file-scenario.ts: both files are flagged in their file entry (the
// JSON contract's nameWarning) and in the expert info, the nick keeps its override in the result
// (it is shown, not stripped), and --extract writes names without the override and only the
// bytes seen, never the 1,000,000 bytes the sender declared for photo.jpg.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFiles, safeFileName } from '../../src/main/cli/extract-files';
import { analyzeCaptureFiles } from '../../src/main/engine/analyze-files';
import { jsonReport } from '../../src/main/report/json-report';
import { textReport } from '../../src/main/report/text-report';
import { EXE_BYTES, FAKE_JPG, JPG_SENT, NICK, RLO_NAME, spoofedFrames } from './spoofed-file-scenario';
import { terminalControls, writeFrames } from './synthetic';

const { result, analyzer } = await analyzeCaptureFiles([writeFrames(spoofedFrames)]);
const RLO_WARNING = 'Spoofed file name: the name holds a bidi control (⟨U+202E⟩) that makes it show a false extension: invoice⟨U+202E⟩gpj.exe';
const JPG_WARNING = 'Spoofed file name: the content is a Windows executable (MZ) but the name ends in .jpg';

describe('spoofed file names', () => {
  it('are flagged in the file entries and the JSON report', () => {
    expect(result.files.map((f) => [f.name, f.complete, f.nameWarning])).toEqual([
      [RLO_NAME, true, RLO_WARNING],
      [FAKE_JPG, false, JPG_WARNING],
    ]);
    const json = JSON.parse(jsonReport(result));
    expect(json.files.map((f: { nameWarning: string }) => f.nameWarning)).toEqual([RLO_WARNING, JPG_WARNING]);
  });

  it('are warned about in the expert info', () => {
    expect(result.expert.filter((e) => e.message.startsWith('Spoofed file name')).map((e) => [e.severity, e.message])).toEqual([
      ['warning', RLO_WARNING],
      ['warning', JPG_WARNING],
    ]);
  });

  it('are escaped and flagged in the text report\'s Files', () => {
    const text = textReport(result);
    expect(terminalControls(text)).toEqual([]);
    const files = text.split('== Files')[1].split('\n').filter((l) => l.includes('file-transfer'));
    // Bob's MSNFTP `BYE 16777989` after the 300 bytes confirms the first file.
    expect(files[0]).toMatch(/^ {2}frame \d+: file-transfer invoice\\u\{202e\}gpj\.exe 300 bytes sha1 [0-9a-f]{40} alice@hotmail\.com → bob@hotmail\.com confirmed by bob@hotmail\.com \(BYE, frame \d+\) ⚠ /);
    expect(files[0].endsWith(`⚠ ${RLO_WARNING}`)).toBe(true);
    expect(files[1].endsWith(`INCOMPLETE ⚠ ${JPG_WARNING}`)).toBe(true);
  });

  it('leave the nick as sent in the result', () => {
    expect(result.sessions[0].participants.find((p) => p.account === 'bob@hotmail.com')?.nick).toBe(NICK);
  });
});

describe('--extract', () => {
  it('writes names without the override and only the bytes seen', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'msnp-extract-spoof-'));
    expect(await extractFiles(result, dir, (i) => analyzer.fileBytes(i))).toBe(2);
    const names = readdirSync(dir).sort();
    expect(names.map((n) => n.replace(/^\d+-/, ''))).toEqual(['invoice_gpj.exe', 'photo.jpg.partial']);
    const sha = (b: Uint8Array) => createHash('sha1').update(b).digest('hex');
    const [exe, jpg] = names.map((n) => readFileSync(join(dir, n)));
    expect(sha(exe)).toBe(sha(EXE_BYTES));
    expect(jpg.length).toBe(JPG_SENT.length);
    expect(sha(jpg)).toBe(sha(JPG_SENT));
  });

  it('keeps names apart that become the same once made safe', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'msnp-extract-same-'));
    const twin = structuredClone(result);
    twin.files = [{ ...result.files[0], name: 'a\u202Eb.txt' }, { ...result.files[0], name: 'a\u202Db.txt' }];
    expect(await extractFiles(twin, dir, () => Uint8Array.of(1))).toBe(2);
    const frame = result.files[0].frame;
    expect(twin.files.map((f) => f.extractedTo)).toEqual([join(dir, `${frame}-a_b.txt`), join(dir, `${frame}-2-a_b.txt`)]);
    expect(readdirSync(dir).sort()).toEqual([`${frame}-2-a_b.txt`, `${frame}-a_b.txt`]);
  });

  it.each([
    ['invoice\u202Egpj.exe', 'invoice_gpj.exe'],
    ['a\u2066b\u2069\u200B\uFEFF.txt', 'a_b___.txt'],
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\boot.ini', 'boot.ini'],
    ['..', 'fallback.bin'],
    ['. .hidden. ', 'hidden'],
    ['bell\x07\x1b[2J.txt', 'bell__[2J.txt'],
    ['con<>:"|?*.txt', 'con_______.txt'],
  ])('makes %j a safe name', (name, expected) => {
    expect(safeFileName(name, 'fallback.bin')).toBe(expected);
  });
});
