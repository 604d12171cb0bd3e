// What the MSNP command statistics need that the packet table does not keep: how many times each
// connection sent each verb, and the latency of every request's first reply, by request verb.
// Fed with each frame's analysis outcome as it is analysed; a few entries per connection and one
// number per transaction, nothing per frame.

import type { FrameOutcome } from '../../engine/frame-summary';

export class MsnpCommandTally {
  /** connection id → verb (or error code) → commands. */
  readonly perConnection = new Map<number, Map<string, number>>();
  /** Request verb → latencies of its first replies, in microseconds. */
  readonly latencies = new Map<string, number[]>();

  add(outcome: FrameOutcome): void {
    for (const cmd of outcome.commands) {
      if (!cmd.verb) continue;
      let verbs = this.perConnection.get(cmd.connection);
      if (!verbs) this.perConnection.set(cmd.connection, (verbs = new Map()));
      verbs.set(cmd.verb, (verbs.get(cmd.verb) ?? 0) + 1);
      const reply = cmd.annotation.reply;
      if (!reply) continue;
      let list = this.latencies.get(reply.verb);
      if (!list) this.latencies.set(reply.verb, (list = []));
      list.push(reply.latencyUs);
    }
  }
}
