// Fates of legacy invitations (text/x-msmsgsinvite) on the legacy scenario (its header says what
// happens): the file transfer accepted and carried over MSNFTP, which bob ends with `BYE 16777989`
// ("transfer complete", hypothetic.org "File transfer") — confirmed; voice and whiteboard accepted
// (no file data: their traffic is not a file); secret.zip rejected by bob (Cancel-Code REJECT);
// late.bin accepted, then cancelled by alice (FTTIMEOUT). The MSNFTP connection is a peer
// connection named by its invitation.
import { describe, expect, it } from 'vitest';
import { analyzeFrames, frameContaining } from './synthetic';
import { ALICE, BOB, FILE_BYTES, FILE_COOKIE, FILE_NAME, legacyFrames } from './legacy-scenario';

const result = await analyzeFrames(legacyFrames);
const frameOf = (text: string) => frameContaining(legacyFrames, text);

describe('legacy invitation fates', () => {
  it('lists one transfer per invitation cookie with its fate', () => {
    expect(result.transfers.map((t) => [t.id, t.source, t.kind, t.fate])).toEqual([
      [FILE_COOKIE, 'msmsgsinvite', 'file-transfer', 'confirmed'],
      ['41414', 'msmsgsinvite', 'voice', 'accepted'],
      ['51515', 'msmsgsinvite', 'whiteboard', 'accepted'],
      ['777', 'msmsgsinvite', 'file-transfer', 'declined'],
      ['888', 'msmsgsinvite', 'file-transfer', 'cancelled'],
    ]);
  });

  it('the MSNFTP transfer: accepted by bob, every byte over MSNFTP, confirmed by his BYE 16777989', () => {
    const t = result.transfers[0];
    expect(t).toMatchObject({ name: FILE_NAME, size: FILE_BYTES.length, from: ALICE, to: BOB, accepted: { by: BOB, reason: 'ACCEPT' }, received: FILE_BYTES.length, complete: true, dataVia: 'msnftp' });
    expect(t.confirmed).toMatchObject({ by: BOB, how: 'BYE', frame: frameOf('BYE 16777989') });
  });

  it('who refused and who cancelled, with the Cancel-Code', () => {
    expect(result.transfers[3]).toMatchObject({ name: 'secret.zip', declined: { by: BOB, frame: frameOf('Cancel-Code: REJECT'), reason: 'REJECT' }, accepted: null });
    expect(result.transfers[4]).toMatchObject({ name: 'late.bin', accepted: { by: BOB }, cancelled: { by: ALICE, frame: frameOf('Cancel-Code: FTTIMEOUT'), reason: 'FTTIMEOUT' }, received: 0 });
  });

  it('lists the MSNFTP connection as a peer connection named by its invitation', () => {
    const peer = result.connections.find((c) => c.role === 'peer');
    expect(peer?.peer).toMatchObject({ protocol: 'msnftp', accounts: { client: BOB, server: ALICE }, accountsFrom: 'address' });
    expect(peer?.version).toBe('MSNFTP');
  });
});
