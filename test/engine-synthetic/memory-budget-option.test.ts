// The memory budget set from the command line's analyze command (--memory-budget MIB becomes
// memoryBudgetBytes): a capture of 400 MSNP connections that never close, analysed with a 1 MiB
// budget, reports in its JSON that idle connections were ended early — and still decodes each VER.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeCommand } from '../../src/main/cli/analyze-command';
import { buildPcap, writeTempCapture } from '../helpers/capture-builder';
import { neverClosed } from '../helpers/connection-flood';

describe('the analyze command with a memory budget', () => {
  it('passes the budget to the engine: eviction notes in the JSON, every connection decoded', async () => {
    const frames = [...neverClosed({ connections: 400 })].map((f) => ({ tsUs: f.tsUs, data: f.data, linkType: f.linkType }));
    const path = writeTempCapture(buildPcap(frames));
    const output = join(mkdtempSync(join(tmpdir(), 'msnp-budget-')), 'report.json');
    const run = (memoryBudgetBytes?: number) => analyzeCommand({ paths: [path], format: 'json', showSecrets: false, extractDir: null, heuristics: true, memoryBudgetBytes, output });
    const notes = (report: { expert: Array<{ message: string }> }) => report.expert.filter((e) => e.message.startsWith('Memory budget of 1.0 MiB reached'));

    expect(await run(1024 * 1024)).toBe(0);
    const small = JSON.parse(readFileSync(output, 'utf8'));
    expect(notes(small).length).toBeGreaterThan(0);
    expect(small.commandCounts.VER).toBe(400);
    expect(small.connections).toHaveLength(400);

    expect(await run()).toBe(0);
    expect(notes(JSON.parse(readFileSync(output, 'utf8')))).toEqual([]);
  });
});
