// The replayer plays a real capture over loopback; our own live capture on lo records it, and
// each direction of each connection carries exactly the original stream's bytes.
// Expected values come from tshark on the original files:
//   tshark -r <file> -q -z follow,tcp,raw,N   (client = Node 0 lines, server = tab-indented lines)
// reduced to length and SHA-256 per direction (and, for the PPA file, segments per direction).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { LiveCapture } from '../../src/main/capture/live-capture';
import { buildReplayPlan } from '../../src/main/replay/replay-plan';
import { CAPTURES } from '../helpers/captures';
import { assertCapturePrivileges, recordingSink, waitFor } from './live-test-kit';

let live: LiveCapture | null = null;
afterEach(async () => {
  await live?.dispose();
  live = null;
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

function runReplayCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/replay/replay-cli.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => { stdout += d; });
  child.stderr.on('data', (d) => { stderr += d; });
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Replays `capture` with --fast while capturing lo; returns the streams the capture shows. */
async function replayAndCapture(capture: string, connections: number) {
  const port = await freePort();
  live = new LiveCapture();
  const sink = recordingSink();
  await live.start({ device: 'lo', filter: `tcp port ${port}` }, sink);
  const run = await runReplayCli([capture, '--fast', '--port', String(port)]);
  expect(run.stderr.replace(/npm warn.*\n/g, '')).toBe('');
  expect(run.code).toBe(0);
  // Every connection ends with a FIN from each side once the replayer closes its sockets.
  // (Ethernet 14 + IPv4 20 + TCP flags at 13; lo carries no IP options.)
  const fins = () => sink.frames.filter((f) => (f.data[14 + 20 + 13] & 0x01) !== 0).length;
  await waitFor('the closing packets', () => fins() >= 2 * connections);
  await new Promise((r) => setTimeout(r, 50));
  await live.stop();
  const plan = await buildReplayPlan(live.spoolPaths[0], []);
  const streams = plan.connections.map((c, i) => {
    const steps = plan.steps.filter((s) => s.kind === 'data' && s.conn === i) as { fromClient: boolean; bytes: Uint8Array }[];
    const side = (fromClient: boolean) => Buffer.concat(steps.filter((s) => s.fromClient === fromClient).map((s) => s.bytes));
    return { server: c.server, client: side(true), serverBytes: side(false), clientSegments: steps.filter((s) => s.fromClient).length, serverSegments: steps.filter((s) => !s.fromClient).length };
  });
  return { run, streams, port };
}

describe('replay over loopback', () => {
  it('replays the PPA switchboard chat: both directions byte for byte, segment boundaries kept', async () => {
    assertCapturePrivileges();
    const { run, streams, port } = await replayAndCapture(CAPTURES.ppa2006, 1);
    expect(run.stdout).toMatch(new RegExp(`^replayed 1 connections, 3023 bytes \\(1620 from clients, 1403 from servers\\), .* ports 1863→${port}\\n$`));
    expect(streams).toHaveLength(1);
    const [s] = streams;
    expect(s.server.port).toBe(port);
    expect({ length: s.client.length, sha256: sha(s.client) }).toEqual({ length: 1620, sha256: '9b2ed448ad4a083aa31749839cc02a1bb61f182dc0fbc5f614273dfbf6a42258' });
    expect({ length: s.serverBytes.length, sha256: sha(s.serverBytes) }).toEqual({ length: 1403, sha256: 'ee6013e74a4f077f4dcb28e78cbe86b50131edd269421689ec87a5abde92c58b' });
    // tshark's follow output has 14 client and 11 server payload segments.
    expect([s.clientSegments, s.serverSegments]).toEqual([14, 11]);
  });

  it('replays a mid-session capture (no SYN at all) with six connections, in order of appearance', async () => {
    assertCapturePrivileges();
    const { streams } = await replayAndCapture(CAPTURES.wireshark2005, 6);
    // tshark follow,tcp,raw,0..5 on msnms-2005-wireshark-sample.pcap: [client, server] lengths and SHA-256 prefixes.
    const expected: [number, string, number, string][] = [
      [1500, '1bf2735c754255bf', 0, 'e3b0c44298fc1c14'],
      [211, '65eafe61adc8e857', 3456, 'b5d571bce4d1d897'],
      [4844, '8634e3f4978c5807', 6965, '96e93a16b3118db8'],
      [5171, 'f2e44f7db8ecbb19', 2735, 'a98c8fc0d5a0f33e'],
      [55, 'd2ca84266b7cc04e', 1981, '0fe5e02c4ace1d95'],
      [4740, 'ee0cf73b77b5256d', 5189, '3efe0d01236b292d'],
    ];
    expect(streams.map((s) => [s.client.length, sha(s.client).slice(0, 16), s.serverBytes.length, sha(s.serverBytes).slice(0, 16)])).toEqual(expected);
  });
});
