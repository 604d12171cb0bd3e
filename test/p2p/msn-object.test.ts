import { describe, expect, it } from 'vitest';
import { decodeMsnObjectContext, parseMsnObject } from '../../src/main/engine/p2p/msn-object';

describe('MSN objects', () => {
  it('reads the attributes and decodes the UTF-16 friendly name', () => {
    // Friendly "cwBtAGkAbABlAAAA" = UTF-16LE "smile" + NUL.
    const xml = '<msnobj Creator="bob@example.com" Size="2450" Type="2" Location="TFR1.dat" Friendly="cwBtAGkAbABlAAAA" SHA1D="abc="/>';
    expect(parseMsnObject(xml)).toEqual({ creator: 'bob@example.com', size: 2450, type: 2, kind: 'emoticon', location: 'TFR1.dat', friendly: 'smile', sha1d: 'abc=' });
  });

  it('accepts the URL-encoded form of NLN/CHG and the base64 INVITE context', () => {
    expect(parseMsnObject('%3Cmsnobj%20Creator%3D%22a%40b%22%20Type%3D%223%22%2F%3E')).toMatchObject({ creator: 'a@b', kind: 'display-picture' });
    expect(decodeMsnObjectContext(Buffer.from('<msnobj Type="8" Size="x"/>\0').toString('base64'))).toMatchObject({ kind: 'wink', size: null });
    expect(parseMsnObject('<html/>')).toBeNull();
    expect(decodeMsnObjectContext('%%%')).toBeNull();
  });
});
