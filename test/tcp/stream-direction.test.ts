// Which side is the initiator (direction 0) and where each direction's bytes start, with and
// without a handshake in the capture.

import { describe, expect, it } from 'vitest';
import { CLIENT, HANDSHAKE, reassemble, recorder, SERVER } from './tcp-harness';

describe('TcpReassembler directions', () => {
  it('the SYN sender is the initiator; the handshake counts as seen', () => {
    const r = recorder().feed([...HANDSHAKE, { from: 's', seq: 5001, ack: 1001, data: 'hi' }]);
    expect(r.infos).toEqual([{ id: 0, endpoints: [CLIENT, SERVER], sawSyn: true, firstFrame: 1, firstTsUs: 1000 }]);
    expect(r.events).toEqual(['1:data:hi@4']);
  });

  it('SYN/ACK first: its sender is the responder, and its ACK fixes where the client data starts', () => {
    // The client's first data segment (1001-1005) is lost; "world" at 1006 waits behind the hole
    // until the server acknowledges 1011.
    const r = recorder().feed([
      { from: 's', seq: 5000, ack: 1001, flags: 'S' },
      { from: 'c', seq: 1001, ack: 5001 },
      { from: 'c', seq: 1006, data: 'world' },
      { from: 's', seq: 5001, ack: 1011, data: 'ok' },
    ]);
    expect(r.infos[0].endpoints).toEqual([CLIENT, SERVER]);
    expect(r.infos[0].sawSyn).toBe(true);
    expect(r.events).toEqual(['0:gap:5@3', '0:data:world@3', '1:data:ok@4']);
  });

  it('no SYN: the first sender is the initiator and each direction starts at its first segment', () => {
    const r = recorder().feed([
      { from: 's', seq: 9000, data: 'NLN' },
      { from: 'c', seq: 7000, data: 'PNG' },
      { from: 's', seq: 9003, data: 'QNG' },
    ]);
    expect(r.infos[0].endpoints).toEqual([SERVER, CLIENT]);
    expect(r.infos[0].sawSyn).toBe(false);
    expect(r.events).toEqual(['0:data:NLN@1', '1:data:PNG@2', '0:data:QNG@3']);
  });

  it('no SYN: the peer ACK just before the first segment lets the earlier segment fill in', () => {
    // The server has acknowledged the client up to 7000; the client's 7003 segment arrives before 7000.
    const events = reassemble([
      { from: 's', seq: 9000, ack: 7000, data: 'hi' },
      { from: 'c', seq: 7003, data: 'def' },
      { from: 'c', seq: 7000, data: 'abc' },
    ]);
    expect(events).toEqual(['0:data:hi@1', '1:note:out-of-order@3', '1:data:abc@3', '1:data:def@2', '0:end:eof@3', '1:end:eof@3']);
  });

  it('no SYN and no ACK to go by: bytes before the first segment seen are noted, not delivered', () => {
    const events = reassemble([
      { from: 'c', seq: 7003, data: 'def' },
      { from: 'c', seq: 7000, data: 'abc' },
      { from: 'c', seq: 7006, data: 'ghi' },
    ]);
    expect(events).toEqual(['0:data:def@1', '0:note:out-of-order@2', '0:data:ghi@3', '0:end:eof@3', '1:end:eof@3']);
  });

  it('no SYN: a pure ACK does not fix its sender\'s start (a zero-length keep-alive sits one byte early)', () => {
    const events = reassemble([
      { from: 'c', seq: 6999, ack: 9000 },
      { from: 'c', seq: 7000, ack: 9000, data: 'PNG' },
    ]);
    expect(events).toEqual(['0:data:PNG@2', '0:end:eof@2', '1:end:eof@2']);
  });
});
