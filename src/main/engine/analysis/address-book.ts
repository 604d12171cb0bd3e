// The address book of MSNP13+ clients, which no longer get groups over MSNP (no LSG/LST): the
// SOAP response of ABFindAll / ABFindContactsPaged (abservice.asmx over HTTP) lists groups
// (`<Group><groupId>…<groupInfo>…<name>Friends</name>`) and contacts (`<Contact>…<passportName>`,
// `<displayName>`, `<groupIds><guid>…`). The owner's own entry (contactType Me) is not a contact.
// Spec: PROTOCOL.md "Versions" (MSNP13: address book over SOAP); MSNPSharp's ABFindContactsPaged.

import { elementText } from './xml-text';

export interface AddressBook {
  owner: string | null;
  groups: Array<{ id: string; name: string }>;
  contacts: Array<{ account: string; nick: string | null; groupIds: string[] }>;
}

const MAX_ENTRIES = 10_000;
const MAX_XML = 8 * 1024 * 1024;

/** The `<tag>…</tag>` blocks of `xml`, in order (bounded; no nesting of the same tag expected). */
function blocks(xml: string, tag: string): string[] {
  const out: string[] = [];
  const open = `<${tag}>`;
  const close = `</${tag}>`;
  let from = 0;
  while (out.length < MAX_ENTRIES) {
    const start = xml.indexOf(open, from);
    if (start < 0) break;
    const end = xml.indexOf(close, start + open.length);
    if (end < 0) break;
    out.push(xml.slice(start + open.length, end));
    from = end + close.length;
  }
  return out;
}

/** Reads an address-book SOAP response; null when the text is not one. */
export function parseAddressBook(text: string): AddressBook | null {
  const xml = text.length > MAX_XML ? text.slice(0, MAX_XML) : text;
  if (!xml.includes('<Groups') && !xml.includes('<Contacts')) return null;
  const groups: AddressBook['groups'] = [];
  for (const g of blocks(xml, 'Group')) {
    const id = elementText(g, 'groupId');
    const name = elementText(g, 'name');
    if (id && name !== null) groups.push({ id: id.trim().toLowerCase(), name });
  }
  const contacts: AddressBook['contacts'] = [];
  for (const c of blocks(xml, 'Contact')) {
    if (elementText(c, 'contactType') === 'Me') continue;
    const account = elementText(c, 'passportName');
    if (!account || !account.includes('@')) continue;
    const ids = elementText(c, 'groupIds') ?? '';
    contacts.push({
      account: account.trim().toLowerCase(),
      nick: elementText(c, 'displayName'),
      groupIds: blocks(ids, 'guid').map((g) => g.trim().toLowerCase()),
    });
  }
  return { owner: elementText(xml, 'ownerEmail'), groups, contacts };
}
