// The MSNP commands of a followed stream: the engine's framer run over each direction's
// reassembled bytes (gaps included, so it resynchronises as the analysis did), merged in the
// order their completing frames arrived. The version the framer needs for bodies comes from the
// server's VER reply.

import type { FollowChunk, FollowCommand } from '../../shared/followed-stream';
import { versionsInVer } from '../engine/analysis/version-inference';
import type { MsnpCommand } from '../engine/msnp/msnp-command';
import { MsnpFramer } from '../engine/msnp/msnp-framer';

export function followMsnpCommands(chunks: readonly FollowChunk[]): FollowCommand[] {
  let version: number | null = null;
  const commands: { order: number; command: FollowCommand }[] = [];
  let order = 0;
  const framer = (direction: 0 | 1) =>
    new MsnpFramer({
      direction: direction === 0 ? 'c2s' : 's2c',
      version: () => version,
      onCommand: (c: MsnpCommand) => {
        if (c.verb === 'VER' && c.direction === 's2c') version = versionsInVer(c.params)[0] ?? version;
        const command: FollowCommand = { direction, frame: c.frame, line: c.line, body: c.body ? new Uint8Array(c.body) : null };
        if (c.malformed) command.malformed = c.malformed;
        commands.push({ order: order++, command });
      },
    });
  const framers = [framer(0), framer(1)] as const;
  for (const chunk of chunks) {
    const f = framers[chunk.direction];
    if (chunk.gapBefore) f.gap(chunk.gapBefore, chunk.frame, 0);
    f.push(chunk.bytes, chunk.frame, 0);
  }
  const last = chunks.at(-1)?.frame ?? 0;
  framers[0].end(last, 0);
  framers[1].end(last, 0);
  // Stable by completing frame: commands of one frame keep their framing order.
  return commands.sort((a, b) => a.command.frame - b.command.frame || a.order - b.order).map((c) => c.command);
}
