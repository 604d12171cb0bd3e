// Transaction links feed only the command tree: a tracker told not to keep them (the pipeline
// without collectFrames) pairs and reports exactly the same, and remembers no link.
import { describe, expect, it } from 'vitest';
import type { MsnpCommand } from '../../src/main/engine/msnp/msnp-command';
import { ExpertLog } from '../../src/main/engine/analysis/expert-log';
import { TransactionTracker } from '../../src/main/engine/analysis/transactions';

function command(index: number, direction: 'c2s' | 's2c', line: string, frame: number): MsnpCommand {
  const [verb, ...params] = line.split(' ');
  return { index, direction, verb, trid: Number(params[0]), params, line, body: null, frames: [frame], frame, tsUs: frame * 1000, streamOffset: 0 };
}

function run(keepLinks: boolean | undefined) {
  const expert = new ExpertLog();
  const t = keepLinks === undefined ? new TransactionTracker(expert) : new TransactionTracker(expert, keepLinks);
  t.request(1, command(0, 'c2s', 'XFR 6 SB', 1));
  const reply = t.response(1, command(1, 's2c', '913 6', 2));
  t.finish();
  return { t, reply, expert: expert.all() };
}

describe('transaction links', () => {
  it('are kept by default, for the command tree', () => {
    const { t } = run(undefined);
    expect(t.linkOf(1, 0)).toEqual({ kind: 'request', frame: 2, verb: '913', trid: 6 });
    expect(t.linkOf(1, 1)).toEqual({ kind: 'response', frame: 1, verb: 'XFR', trid: 6, latencyUs: 1000 });
  });

  it('are not kept when not wanted; replies and expert notes stay the same', () => {
    const kept = run(true);
    const dropped = run(false);
    expect(dropped.t.linkOf(1, 0)).toBeUndefined();
    expect(dropped.t.linkOf(1, 1)).toBeUndefined();
    expect(dropped.reply).toEqual(kept.reply);
    expect(dropped.expert).toEqual(kept.expert);
    expect(dropped.expert).toHaveLength(1);
  });
});
