// The replay plan of the real captures: connections with the right client and server, and the
// payload segments tshark shows (tshark -r <file> -q -z follow,tcp,raw,N; -z conv,tcp).
import { describe, expect, it } from 'vitest';
import { parseReplayArgs } from '../../src/main/replay/replay-args';
import { buildReplayPlan } from '../../src/main/replay/replay-plan';
import { CAPTURES } from '../helpers/captures';

describe('buildReplayPlan', () => {
  it('PPA switchboard chat: one connection from its SYN, 14 client and 11 server segments', async () => {
    const plan = await buildReplayPlan(CAPTURES.ppa2006);
    expect(plan.frames).toBe(50);
    expect(plan.missingBytes).toBe(0);
    expect(plan.connections).toEqual([{ id: 0, client: { ip: '192.168.0.114', port: 3331 }, server: { ip: '207.46.26.167', port: 1863 }, sawSyn: true }]);
    const data = plan.steps.filter((s) => s.kind === 'data');
    expect(data.filter((s) => s.fromClient).length).toBe(14);
    expect(data.filter((s) => !s.fromClient).length).toBe(11);
    expect(plan.steps[0].kind).toBe('open');
    // First segment (frame 4): "USR 93 tesla_brian@hotmail.com 1835953129.20013021.2623242\r\n"
    expect(Buffer.from((data[0] as { bytes: Uint8Array }).bytes).toString('latin1')).toBe('USR 93 tesla_brian@hotmail.com 1835953129.20013021.2623242\r\n');
    // Steps are in capture order.
    const ts = plan.steps.map((s) => s.tsUs);
    expect(ts).toEqual([...ts].sort((a, b) => a - b));
  });

  it('a mid-session capture: six connections without SYN, the client being the side not on 1863', async () => {
    const plan = await buildReplayPlan(CAPTURES.wireshark2005);
    expect(plan.connections.map((c) => `${c.client.port}>${c.server.ip}:${c.server.port}`)).toEqual([
      '1176>207.46.108.39:1863', '1037>207.46.107.149:1863', '1208>207.46.108.83:1863',
      '1217>207.46.108.41:1863', '1220>207.46.108.150:1863', '1221>207.46.108.59:1863',
    ]);
    expect(plan.connections.every((c) => !c.sawSyn)).toBe(true);
  });
});

describe('parseReplayArgs', () => {
  it('reads the options', () => {
    expect(parseReplayArgs(['x.pcap', '--port', '20000', '--speed', '4', '--host', '127.0.0.2']))
      .toEqual({ capture: 'x.pcap', basePort: 20000, speed: 4, fast: false, host: '127.0.0.2' });
    expect(parseReplayArgs(['--fast', 'x.pcap'])).toMatchObject({ capture: 'x.pcap', fast: true, basePort: null, host: '127.0.0.1' });
  });

  it('explains what is wrong', () => {
    expect(parseReplayArgs([])).toBe('no capture file given');
    expect(parseReplayArgs(['x.pcap', '--port', '70000'])).toBe('--port needs a port number');
    expect(parseReplayArgs(['x.pcap', '--speed', '0'])).toBe('--speed needs a positive number');
    expect(parseReplayArgs(['x.pcap', '--loop'])).toBe('unknown option --loop');
  });
});
