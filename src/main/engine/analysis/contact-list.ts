// Contact lists and groups as the notification connections reveal them: SYN's LSG/LST
// (MSNP2–12, three line shapes), ADC/ADD/REM/ADG/RMG/REG/REA replies, ADL/RML XML (MSNP13+),
// and friendly names from ILN/NLN. Group ids belong to the list owner, so they are kept per
// connection and turned into names only when the records are built (LSG may come late).
// Spec: PROTOCOL.md "Versions"; hypothetic.org MSNP "Lists" (LST/LSG shapes by version).

import type { ContactRecord } from '../../../shared/model';
import { looksLikeAccount, normalizeAccount } from './account';
import { listNames, parseAdlList } from './adl-list';
import type { AddressBook } from './address-book';
import { decodeMsnpText } from '../msnp/msnp-text';

interface Contact {
  account: string;
  nick: string | null;
  lists: Set<string>;
  /** `${connection}\u0000${groupId}` */
  groups: Set<string>;
}

const LIST_NAMES: ReadonlySet<string> = new Set(['FL', 'AL', 'BL', 'RL', 'PL']);
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DIGITS = /^\d+$/;
const MAX_CONTACTS = 100_000;
const MAX_GROUPS_PER_OWNER = 1000;

/** Group ids belong to a list owner: a notification connection id, or `ab:account` for a SOAP address book. */
type Owner = number | string;

const groupKey = (owner: Owner, id: string): string => `${owner}\u0000${id}`;

export class ContactList {
  private readonly contacts = new Map<string, Contact>();
  private readonly groupNames = new Map<string, Map<string, string>>();
  /** MSNP10+ contact GUIDs (C=) → account, per owner, for ADC/REM by GUID. */
  private readonly contactIds = new Map<string, string>();

  private contact(rawAccount: string): Contact | null {
    const account = normalizeAccount(rawAccount);
    let c = this.contacts.get(account);
    if (!c) {
      if (this.contacts.size >= MAX_CONTACTS) return null;
      c = { account, nick: null, lists: new Set(), groups: new Set() };
      this.contacts.set(account, c);
    }
    return c;
  }

  /** Names from MSNP lines are URL-encoded; those from the SOAP address book are not. */
  private setGroup(owner: Owner, id: string, rawName: string, encoded = true): void {
    let names = this.groupNames.get(String(owner));
    if (!names) {
      names = new Map();
      this.groupNames.set(String(owner), names);
    }
    if (names.size < MAX_GROUPS_PER_OWNER || names.has(id)) names.set(id, encoded ? decodeMsnpText(rawName) : rawName);
  }

  /** A friendly name seen for a contact (LST F=, ILN/NLN, ADL f=, REA): the latest wins. */
  noteNick(rawAccount: string, rawNick: string, addIfUnknown = true): void {
    const account = normalizeAccount(rawAccount);
    const c = addIfUnknown ? this.contact(account) : this.contacts.get(account);
    if (c) c.nick = decodeMsnpText(rawNick);
  }

  /** `LSG` in its three shapes: `TrID ver i n id name 0` (≤7), `id name 0` (8–9), `name guid` (10+). */
  groupLine(owner: number, p: readonly string[]): void {
    if (p.length === 2 && GUID.test(p[1])) this.setGroup(owner, p[1], p[0]);
    else if (p.length >= 6 && DIGITS.test(p[0]) && DIGITS.test(p[1]) && DIGITS.test(p[2]) && DIGITS.test(p[3])) this.setGroup(owner, p[4], p[5]);
    else if (p.length >= 2) this.setGroup(owner, p[0], p[1]);
  }

  /** `LST` in its three shapes: `TrID list ver i n account nick [groups]` (≤7), `account nick lists [groups]` (8–9), `N= F= C= lists [net] [groups]` (10+). */
  listLine(owner: number, p: readonly string[]): void {
    if (p.some((t) => t.startsWith('N='))) {
      let account: string | null = null;
      let nick: string | null = null;
      let id: string | null = null;
      const rest: string[] = [];
      for (const t of p) {
        if (t.startsWith('N=')) account = t.slice(2);
        else if (t.startsWith('F=')) nick = t.slice(2);
        else if (t.startsWith('C=')) id = t.slice(2);
        else rest.push(t);
      }
      if (!account || !looksLikeAccount(account)) return;
      const c = this.contact(account);
      if (!c) return;
      if (nick !== null) c.nick = decodeMsnpText(nick);
      if (id) this.contactIds.set(groupKey(owner, id), c.account);
      const bits = rest.find((t) => DIGITS.test(t));
      if (bits !== undefined) for (const l of listNames(Number(bits))) c.lists.add(l);
      for (const t of rest) {
        if (DIGITS.test(t)) continue;
        for (const g of t.split(',')) if (g) c.groups.add(groupKey(owner, g));
      }
      return;
    }
    const legacy = p.length >= 7 && DIGITS.test(p[0]) && LIST_NAMES.has(p[1]);
    const at = legacy ? 5 : 0;
    const account = p[at];
    if (!looksLikeAccount(account)) return;
    const c = this.contact(account);
    if (!c) return;
    if (p[at + 1] !== undefined) c.nick = decodeMsnpText(p[at + 1]);
    let groups: string | undefined;
    if (legacy) {
      c.lists.add(p[1]);
      groups = p[1] === 'FL' ? p[at + 2] : undefined;
    } else {
      const bits = p[at + 2];
      if (bits !== undefined && DIGITS.test(bits)) for (const l of listNames(Number(bits))) c.lists.add(l);
      groups = p[at + 3];
    }
    if (groups !== undefined) for (const g of groups.split(',')) if (g) c.groups.add(groupKey(owner, g));
  }

  /** `ADG` reply: `TrID ver name id 0` (≤9) or `TrID name guid` (10+). */
  groupAdded(owner: number, p: readonly string[]): void {
    if (p.length >= 3 && GUID.test(p[2])) this.setGroup(owner, p[2], p[1]);
    else if (p.length >= 4) this.setGroup(owner, p[3], p[2]);
  }

  /** `RMG` reply: `TrID [ver] id`. */
  groupRemoved(owner: number, p: readonly string[]): void {
    const id = p[p.length - 1];
    if (id === undefined) return;
    this.groupNames.get(String(owner))?.delete(id);
    const key = groupKey(owner, id);
    for (const c of this.contacts.values()) c.groups.delete(key);
  }

  /** `REG` reply: `TrID ver id name 0` (≤9) or `TrID guid name` (10+). */
  groupRenamed(owner: number, p: readonly string[]): void {
    if (p.length >= 3 && GUID.test(p[1])) this.setGroup(owner, p[1], p[2]);
    else if (p.length >= 4) this.setGroup(owner, p[2], p[3]);
  }

  /** `ADD` (≤9: `TrID list ver account nick [group]`) and `ADC` (10+: `TrID list N= F= | C=guid [group]`) replies. */
  contactAdded(owner: number, verb: 'ADD' | 'ADC', p: readonly string[]): void {
    const list = p[1];
    if (verb === 'ADD') {
      const account = p[3];
      if (!looksLikeAccount(account)) return;
      const c = this.contact(account);
      if (!c) return;
      if (LIST_NAMES.has(list)) c.lists.add(list);
      if (p[4] !== undefined) c.nick = decodeMsnpText(p[4]);
      if (p[5] !== undefined && list === 'FL') c.groups.add(groupKey(owner, p[5]));
      return;
    }
    let account: string | null = null;
    let nick: string | null = null;
    let id: string | null = null;
    const rest: string[] = [];
    for (const t of p.slice(2)) {
      if (t.startsWith('N=')) account = t.slice(2);
      else if (t.startsWith('F=')) nick = t.slice(2);
      else if (t.startsWith('C=')) id = t.slice(2);
      else rest.push(t);
    }
    account ??= id ? (this.contactIds.get(groupKey(owner, id)) ?? null) : null;
    if (!account || !looksLikeAccount(account)) return;
    const c = this.contact(account);
    if (!c) return;
    if (id) this.contactIds.set(groupKey(owner, id), c.account);
    if (LIST_NAMES.has(list)) c.lists.add(list);
    if (nick !== null) c.nick = decodeMsnpText(nick);
    for (const g of rest) if (GUID.test(g) || DIGITS.test(g)) c.groups.add(groupKey(owner, g));
  }

  /** `REM` reply: `TrID list [ver] account|guid [group]`: off a group when one is named, else off the list. */
  contactRemoved(owner: number, p: readonly string[]): void {
    const list = p[1];
    // MSNP≤9 replies carry the list version before the account; accounts and GUIDs are not numbers.
    const tokens = p.slice(DIGITS.test(p[2] ?? '') && p[3] !== undefined ? 3 : 2);
    const who = tokens[0];
    if (who === undefined) return;
    const account = looksLikeAccount(who) ? normalizeAccount(who) : this.contactIds.get(groupKey(owner, who));
    const c = account ? this.contacts.get(account) : undefined;
    if (!c) return;
    const group = tokens[1];
    if (group !== undefined) c.groups.delete(groupKey(owner, group));
    else c.lists.delete(list);
  }

  /** ADL (add) or RML (remove) XML. */
  xmlList(xml: string, remove: boolean): void {
    for (const entry of parseAdlList(xml)) {
      const c = remove ? this.contacts.get(entry.account) : this.contact(entry.account);
      if (!c) continue;
      for (const l of listNames(entry.lists)) {
        if (remove) c.lists.delete(l);
        else c.lists.add(l);
      }
      if (!remove && entry.nick) c.nick = decodeMsnpText(entry.nick);
    }
  }

  /** An address book from SOAP (MSNP13+): its groups and contacts (names as stored, not URL-encoded). */
  addressBook(book: AddressBook): void {
    const owner: Owner = `ab:${book.owner ?? '?'}`;
    for (const g of book.groups) this.setGroup(owner, g.id, g.name, false);
    for (const entry of book.contacts) {
      const c = this.contact(entry.account);
      if (!c) continue;
      if (entry.nick) c.nick = entry.nick;
      for (const id of entry.groupIds) c.groups.add(groupKey(owner, id));
    }
  }

  records(): ContactRecord[] {
    const out: ContactRecord[] = [];
    for (const c of this.contacts.values()) {
      const groups: string[] = [];
      for (const key of c.groups) {
        const sep = key.indexOf('\u0000');
        const id = key.slice(sep + 1);
        const name = this.groupNames.get(key.slice(0, sep))?.get(id) ?? id;
        if (!groups.includes(name)) groups.push(name);
      }
      const rec: ContactRecord = { account: c.account, nick: c.nick ?? '', groups: groups.sort() };
      if (c.lists.size > 0) rec.lists = ['FL', 'AL', 'BL', 'RL', 'PL'].filter((l) => c.lists.has(l));
      out.push(rec);
    }
    return out.sort((a, b) => (a.account < b.account ? -1 : a.account > b.account ? 1 : 0));
  }
}
