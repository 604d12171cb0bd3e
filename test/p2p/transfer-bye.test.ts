// An MSNSLP BYE in a transfer's fate (issue 10), through the tracker with P2P v1 switchboard
// messages: before any answer it cancels the invitation; after acceptance and part of the data it
// cancels the transfer (by whom, with the BYE's body type); from the receiver once every byte is
// there it confirms the file; from the sender after the data it only closes the session.
import { describe, expect, it } from 'vitest';
import { ExpertLog } from '../../src/main/engine/analysis/expert-log';
import { P2pTracker } from '../../src/main/engine/p2p/p2p-tracker';
import { ctx, fileContext, p2pMessage, p2pV1, pattern, slpHeaders, slpText } from './p2p-builders';

const FT = '{5D3E02AB-6190-11D3-BBBB-00C04F795683}';
const CALL = '{8147455F-1BE9-9E6D-1C6E-4BEA8B3E9C46}';
const SID = 846930890;
const ALICE = 'alice@example.com';
const BOB = 'bob@example.com';
const FILE = pattern(3000, 7, 1);
const alice = (frame: number) => ctx({ frame, tsUs: frame * 1000 });
const bob = (frame: number) => ctx({ from: BOB, to: [ALICE], frame, tsUs: frame * 1000, connection: 2 });
const slpMsg = (text: Uint8Array, identifier: number, dest = BOB) => p2pMessage(p2pV1(text, { identifier }), dest);

const invite = slpText(`INVITE MSNMSGR:${BOB} MSNSLP/1.0`, slpHeaders(ALICE, BOB, CALL), [`EUF-GUID: ${FT}`, `SessionID: ${SID}`, 'AppID: 2', `Context: ${fileContext('a.bin', FILE.length)}`], 'application/x-msnmsgr-sessionreqbody');
const ok = slpText('MSNSLP/1.0 200 OK', slpHeaders(BOB, ALICE, CALL, 1), [`SessionID: ${SID}`], 'application/x-msnmsgr-sessionreqbody');
const byeFrom = (from: string, to: string) => slpText(`BYE MSNMSGR:${to} MSNSLP/1.0`, slpHeaders(from, to, CALL, 0), [], 'application/x-msnmsgr-sessionclosebody');
/** File data: one v1 chunk of `FILE` from `offset` (flags 0x01000030, the data's identifier 300). */
const chunk = (offset: number, length: number) => p2pMessage(p2pV1(FILE.subarray(offset, offset + length), { sessionId: SID, identifier: 300, offset, totalSize: FILE.length, flags: 0x01000030 }), BOB);

function accepted(): P2pTracker {
  const t = new P2pTracker(new ExpertLog());
  t.onP2pMessage(alice(10), slpMsg(invite, 100));
  t.onP2pMessage(bob(11), slpMsg(ok, 200, ALICE));
  return t;
}

describe('BYE in a transfer fate', () => {
  it('before an answer: the invitation is cancelled by the one who sent the BYE', () => {
    const t = new P2pTracker(new ExpertLog());
    t.onP2pMessage(alice(10), slpMsg(invite, 100));
    t.onP2pMessage(alice(12), slpMsg(byeFrom(ALICE, BOB), 101));
    expect(t.transferRecords()[0]).toMatchObject({ fate: 'cancelled', accepted: null, cancelled: { by: ALICE, frame: 12, reason: 'BYE (sessionclosebody)' } });
  });

  it('after part of the data: cancelled by the receiver, with the bytes that arrived', () => {
    const t = accepted();
    t.onP2pMessage(alice(20), chunk(0, 1000));
    t.onP2pMessage(bob(21), slpMsg(byeFrom(BOB, ALICE), 201, ALICE));
    expect(t.transferRecords()[0]).toMatchObject({ fate: 'cancelled', received: 1000, complete: false, lastDataFrame: 20, cancelled: { by: BOB, frame: 21 } });
  });

  it('after every byte, the receiver\'s BYE confirms the file', () => {
    const t = accepted();
    t.onP2pMessage(alice(20), chunk(0, 1500));
    t.onP2pMessage(alice(21), chunk(1500, 1500));
    t.onP2pMessage(bob(22), slpMsg(byeFrom(BOB, ALICE), 201, ALICE));
    expect(t.transferRecords()[0]).toMatchObject({ fate: 'confirmed', received: 3000, complete: true, cancelled: null, confirmed: { by: BOB, frame: 22, how: 'BYE' } });
    expect(t.files()[0].confirmed).toMatchObject({ by: BOB, how: 'BYE' });
  });

  it('after every byte, the sender\'s BYE does not confirm it; an ACK for another size does not either', () => {
    const t = accepted();
    t.onP2pMessage(alice(20), chunk(0, 3000));
    t.onP2pMessage(bob(21), p2pMessage(p2pV1(new Uint8Array(0), { sessionId: SID, identifier: 301, totalSize: 3000, flags: 0x2, ackIdentifier: 300, ackDataSize: 1500 }), ALICE));
    t.onP2pMessage(alice(22), slpMsg(byeFrom(ALICE, BOB), 102));
    expect(t.transferRecords()[0]).toMatchObject({ fate: 'completed', complete: true, confirmed: null, cancelled: null });
  });
});
