// MSNP2–7 login (seed 002): a dispatch connection (VER/INF/USR MD5 I → XFR NS, then closed) and
// the notification login (VER/INF, USR MD5 I → USR MD5 S salt → USR MD5 S md5(salt+password) →
// USR OK). Expected values are the ones written into the capture below.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { FrameRow } from '../../src/shared/model';
import { analyzeCaptureFiles } from '../../src/main/engine/analyze-files';
import { readAllFrames } from '../helpers/capture-builder';
import { conversationAt, frameContaining, T0_US, timeline, writeFrames } from './synthetic';

const ACCOUNT = 'example@passport.com';
const SALT = '1013928519.693957190';
const HASH = createHash('md5').update(`${SALT}secret-password`).digest('hex');
const CLIENT = '192.168.1.10';

const dispatch = conversationAt(T0_US, {
  client: { ip: CLIENT, port: 1100 },
  server: { ip: '207.46.104.20', port: 1863 },
  messages: [
    { from: 'client', payload: 'VER 0 MSNP7 MSNP6 MSNP5 MSNP4 CVR0\r\n' },
    { from: 'server', payload: 'VER 0 MSNP7\r\n' },
    { from: 'client', payload: 'INF 1\r\n' },
    { from: 'server', payload: 'INF 1 MD5\r\n' },
    { from: 'client', payload: `USR 2 MD5 I ${ACCOUNT}\r\n` },
    { from: 'server', payload: 'XFR 2 NS 64.4.12.132:1863 0\r\n' },
  ],
});

const notification = conversationAt(T0_US + 1_000_000, {
  client: { ip: CLIENT, port: 1101 },
  server: { ip: '64.4.12.132', port: 1863 },
  messages: [
    { from: 'client', payload: 'VER 3 MSNP7 MSNP6 MSNP5 MSNP4 CVR0\r\n' },
    { from: 'server', payload: 'VER 3 MSNP7\r\n' },
    { from: 'client', payload: 'INF 4\r\n' },
    { from: 'server', payload: 'INF 4 MD5\r\n' },
    { from: 'client', payload: `USR 5 MD5 I ${ACCOUNT}\r\n` },
    { from: 'server', payload: `USR 5 MD5 S ${SALT}\r\n` },
    { from: 'client', payload: `USR 6 MD5 S ${HASH}\r\n` },
    { from: 'server', payload: `USR 6 OK ${ACCOUNT} my%20screen%20name\r\n` },
    { from: 'client', payload: 'CHG 7 NLN\r\n' },
    { from: 'server', payload: 'CHG 7 NLN\r\n' },
  ],
  fin: false,
});

const frames = timeline(dispatch, notification);
const path = writeFrames(frames);
const hashFrame = frameContaining(frames, HASH);

async function run(showSecrets: boolean) {
  const rows: FrameRow[] = [];
  const { result, analyzer } = await analyzeCaptureFiles([path], { showSecrets, collectFrames: true }, { frameRow: (r) => rows.push(r) });
  const { frames: read } = await readAllFrames(path);
  // The reader leaves frame numbers to the merger: number them as the engine did (1-based).
  const tree = JSON.stringify(analyzer.describeFrame({ ...read[hashFrame - 1], number: hashFrame }).tree);
  return { result, rows, tree };
}

describe('MSNP7 MD5 login through a dispatch server', () => {
  it('sees a dispatch connection and a notification connection', async () => {
    const { result } = await run(false);
    expect(result.connections).toHaveLength(2);
    const [ds, ns] = result.connections;
    expect(ds).toMatchObject({ client: `${CLIENT}:1100`, server: '207.46.104.20:1863', role: 'dispatch', version: 'MSNP7' });
    expect(ns).toMatchObject({ client: `${CLIENT}:1101`, server: '64.4.12.132:1863', role: 'notification', version: 'MSNP7', account: ACCOUNT, authMethod: 'MD5' });
  });

  it('counts the commands of both connections', async () => {
    const { result } = await run(false);
    expect(result.commandCounts).toMatchObject({ VER: 4, INF: 4, USR: 5, XFR: 1, CHG: 2 });
  });

  it('never shows the MD5 hash unless asked', async () => {
    const { result, rows, tree } = await run(false);
    expect(JSON.stringify(result)).not.toContain(HASH);
    expect(rows[hashFrame - 1].info).toContain('USR 6 MD5 S');
    expect(rows[hashFrame - 1].info).not.toContain(HASH);
    expect(tree).toContain('USR');
    expect(tree).not.toContain(HASH);
  });

  it('shows the MD5 hash with showSecrets', async () => {
    const { rows, tree } = await run(true);
    expect(rows[hashFrame - 1].info).toContain(HASH);
    expect(tree).toContain(HASH);
  });

  it('does not hide the salt (a public challenge)', async () => {
    const { rows } = await run(false);
    expect(rows[frameContaining(frames, SALT) - 1].info).toContain(SALT);
  });
});
