// The TCP node gains the stream index and relative sequence numbers from the packet table, in
// Wireshark's places (stream index before the segment length, relative before raw). Frame 4 of
// the PPA capture: tshark says tcp.stream 0, tcp.seq 1, tcp.ack 1 (raw seq 606189043).
import { describe, expect, it } from 'vitest';
import { addTcpStreamNodes } from '../../src/main/backend/tcp-stream-nodes';
import { describeFrame } from '../../src/main/engine/decode/describe-frame';
import { readAllFrames } from '../helpers/capture-builder';

describe('TCP stream nodes', async () => {
  const { frames } = await readAllFrames('test/fixtures/captures/ppa-2006-switchboard-chat.pcap');
  const f = frames[3];
  const tree = () => describeFrame(f.linkType, f.data, { number: 4, tsUs: f.tsUs, originalLength: f.originalLength });

  it('adds the stream index and relative numbers with their filter fields', () => {
    const nodes = tree();
    addTcpStreamNodes(nodes, { number: 4, tcpStream: 0, tcpSeq: 1, tcpAck: 1, tcpSeqRaw: 606189043 });
    const tcp = nodes[3].children!;
    expect(tcp.slice(0, 7).map((n) => n.label)).toEqual([
      'Source Port: 3331',
      'Destination Port: 1863',
      '[Stream index: 0]',
      'TCP Segment Len: 60',
      'Sequence Number: 1 (relative sequence number)',
      'Sequence Number (raw): 606189043',
      'Acknowledgment Number: 1 (relative ack number)',
    ]);
    expect(tcp[2].field).toEqual({ name: 'tcp.stream', value: 0 });
    expect(tcp[4]).toEqual({ label: 'Sequence Number: 1 (relative sequence number)', range: [38, 4], field: { name: 'tcp.seq', value: 1 } });
    expect(tcp[6].field).toEqual({ name: 'tcp.ack', value: 1 });
  });

  it('adds nothing the table does not know', () => {
    const nodes = tree();
    const before = JSON.stringify(nodes);
    addTcpStreamNodes(nodes, { number: 4 });
    expect(JSON.stringify(nodes)).toBe(before);
    const relativeUnknown = tree();
    addTcpStreamNodes(relativeUnknown, { number: 4, tcpStream: 2 });
    expect(relativeUnknown[3].children!.filter((n) => n.field?.name === 'tcp.seq' || n.field?.name === 'tcp.ack')).toEqual([]);
  });
});
