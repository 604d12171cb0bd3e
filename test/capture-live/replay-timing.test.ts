// Pauses between packets follow the capture, scaled by --speed; --fast drops them. The PPA chat
// spans 62.098 s from its SYN to its last payload segment (tshark: frame 1 at 0.000000, the last
// data frame at 62.098...), so at speed 100 the replay takes about 0.62 s.
import { describe, expect, it } from 'vitest';
import { buildReplayPlan } from '../../src/main/replay/replay-plan';
import { runReplay } from '../../src/main/replay/replay-runner';
import { CAPTURES } from '../helpers/captures';

describe('replay timing', () => {
  it('scales the capture\'s pauses with speed, and skips them with fast', async () => {
    const plan = await buildReplayPlan(CAPTURES.ppa2006);
    const scaled = await runReplay(plan, { host: '127.0.0.1', basePort: null, speed: 100, fast: false });
    expect(scaled.captureSeconds).toBeCloseTo(62.098, 3);
    expect(scaled.wallSeconds).toBeGreaterThanOrEqual(0.62);
    expect(scaled.wallSeconds).toBeLessThan(2);
    const fast = await runReplay(plan, { host: '127.0.0.1', basePort: null, speed: 1, fast: true });
    expect(fast.wallSeconds).toBeLessThan(0.5);
    expect([fast.bytesFromClients, fast.bytesFromServers]).toEqual([1620, 1403]);
  });
});
