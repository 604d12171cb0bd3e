// Every case the fuzzer stored (cases/*.pcap[ng][.gz] with a JSON sidecar) runs again through the
// engine in a child with a time limit and a memory cap: it must end cleanly (ok or the reader's
// clean error, or what its sidecar's `expect.outcome` says) with a sane result (checked in the
// child), and with the summary its sidecar expects (values derived by hand from the bytes).
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { CaseRunner } from '../../scripts/fuzz/case-runner';
import { listRegressions } from '../../scripts/fuzz/regression-store';

const stored = listRegressions();
const runner = new CaseRunner({ timeoutMs: 10_000, memoryMb: 512 });
afterAll(() => runner.close());

describe('stored fuzz regressions', () => {
  it('are there (the directory was found and read)', () => {
    expect(stored.length).toBeGreaterThan(0);
  });

  for (const c of stored) {
    it(`${c.name}: ${c.sidecar.mutations.join('; ')}`, async () => {
      const outcome = await runner.run(new Uint8Array(readFileSync(c.path)));
      const accepted = c.sidecar.expect?.outcome ?? ['ok', 'clean-error'];
      expect(accepted, outcome.detail).toContain(outcome.kind);
      if (c.sidecar.expect?.summary) expect(outcome.summary).toMatchObject(c.sidecar.expect.summary);
    });
  }
});
