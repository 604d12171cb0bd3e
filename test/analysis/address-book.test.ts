// MSNP13+ clients get their groups from the SOAP address book, not over MSNP. The fixture is the
// ABFindContactsPaged response of the MSNP18 capture (frame 74, http.file_data, 7060 bytes).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseAddressBook } from '../../src/main/engine/analysis/address-book';
import { captureScript, runScript } from './script';

const xml = readFileSync(fileURLToPath(new URL('./fixtures/msnp18-abfindcontactspaged-response.xml', import.meta.url)), 'utf8');

describe('address book (SOAP)', () => {
  it('reads groups and contacts, leaving out the owner', () => {
    expect(parseAddressBook(xml)).toEqual({
      owner: 'alice@example.com',
      groups: [{ id: '43bda266-3fc6-4db3-92b5-2092537ef76f', name: 'Friends' }],
      contacts: [
        { account: 'bob@example.com', nick: 'Bob', groupIds: ['43bda266-3fc6-4db3-92b5-2092537ef76f'] },
        { account: 'carol@example.com', nick: 'Carol', groupIds: ['43bda266-3fc6-4db3-92b5-2092537ef76f'] },
      ],
    });
  });

  it('puts the MSNP18 contacts into "Friends"', () => {
    const r = runScript(captureScript('msnp18-pidgin-escargot-login-presence-chat'));
    expect(r.analysis.addressBook(xml)).toBe(true);
    expect(r.analysis.contacts()).toEqual([
      { account: 'alice@example.com', nick: 'Alice', groups: [], lists: ['FL', 'AL'] },
      { account: 'bob@example.com', nick: 'Bob', groups: ['Friends'], lists: ['FL', 'AL'] },
      { account: 'carol@example.com', nick: 'Carol', groups: ['Friends'], lists: ['FL', 'AL'] },
    ]);
  });

  it('other SOAP answers are not address books', () => {
    expect(parseAddressBook('<soap:Envelope><soap:Body><FindMembershipResponse/></soap:Body></soap:Envelope>')).toBeNull();
  });
});
