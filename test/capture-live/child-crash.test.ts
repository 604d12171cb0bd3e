// The capture process can die (native abort, OOM killer, a user's kill): the app hears about it
// through sink.error and sink.stopped, keeps running, and can capture again.
import { afterEach, describe, expect, it } from 'vitest';
import { LiveCapture } from '../../src/main/capture/live-capture';
import { assertCapturePrivileges, loopbackServer, recordingSink, sendMessages, waitFor } from './live-test-kit';

let live: LiveCapture | null = null;
afterEach(async () => {
  await live?.dispose();
  live = null;
});

describe('capture process crash', () => {
  for (const signal of ['SIGKILL', 'SIGABRT'] as const) {
    it(`reports ${signal} as a crash, keeps what was captured, and can start again`, async () => {
      assertCapturePrivileges();
      const server = await loopbackServer();
      live = new LiveCapture();
      const sink = recordingSink();
      await live.start({ device: 'lo', filter: `tcp port ${server.port}` }, sink);
      await sendMessages(server.port, ['PNG\r\n']);
      await waitFor('frames', () => sink.frames.length >= 4);

      process.kill(live.capturePid!, signal);
      await waitFor('stopped', () => sink.stoppedCount === 1);
      expect(sink.errors).toHaveLength(1);
      expect(sink.errors[0]).toMatch(new RegExp(`^capture process crashed: ${signal}\\b.*while capturing on lo`));
      expect(live.running).toBe(false);
      // What arrived before the crash is still saved and spooled.
      expect(live.spoolPaths).toHaveLength(1);
      expect(await live.readFrame(1)).toEqual(sink.frames[0]);
      await live.stop(); // a no-op now, and never a second stopped()
      expect(sink.stoppedCount).toBe(1);

      const again = recordingSink();
      await live.start({ device: 'lo', filter: `tcp port ${server.port}` }, again);
      await sendMessages(server.port, ['QNG 50\r\n']);
      await waitFor('frames of the second capture', () => again.frames.length >= 4);
      await live.stop();
      await server.close();
      expect(again.errors).toEqual([]);
      expect(again.frames[0].number).toBe(1);
    });
  }
});
