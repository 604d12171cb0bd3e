// Builds display-filter text from a field and a value, as Wireshark's "Apply / Prepare as Filter"
// and "Copy as Filter" do, and combines it with the filter already typed (…and / …or Selected).
// Values come off the wire (accounts, commands, chat text): a string is always quoted with `"` and
// `\` escaped, and control characters written as \xHH, so a value can never end the literal and
// inject an operator of its own.

import type { TreeField } from '../model';
import { lookupField } from './filter-fields';

/** Wireshark's four "as Filter" moves: the field alone, its negation, and it added to the current filter. */
export type FilterCombination = 'selected' | 'not-selected' | 'and-selected' | 'or-selected';

export const FILTER_COMBINATIONS: ReadonlyArray<{ how: FilterCombination; label: string }> = [
  { how: 'selected', label: 'Selected' },
  { how: 'not-selected', label: 'Not Selected' },
  { how: 'and-selected', label: '…and Selected' },
  { how: 'or-selected', label: '…or Selected' },
];

/** A double-quoted filter string literal holding exactly `text`. */
export function quoteFilterString(text: string): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

const PLAIN_NUMBER = /^-?(?:0x[0-9a-f]+|\d+(?:\.\d+)?)$/i;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/** IPv4 or IPv6 text as the packet list shows it (not a MAC address, not a name). */
function isIpAddress(text: string): boolean {
  if (IPV4.test(text)) return true;
  if (!/^[0-9a-f:.]+$/i.test(text) || !text.includes(':')) return false;
  const groups = text.split(':');
  const full = groups.length === 8 || (groups.length === 7 && IPV4.test(groups[6]));
  return groups.length <= 8 && (text.includes('::') || full);
}

/** The value as a literal of the field's type; null when it cannot be one (a number field given text). */
export function filterLiteral(name: string, value: string | number): string | null {
  const type = lookupField(name)?.type;
  if (type === 'number') {
    const text = String(value);
    return PLAIN_NUMBER.test(text) ? text : null;
  }
  if (type === 'address') {
    const text = String(value);
    return isIpAddress(text) ? text : null;
  }
  if (type === 'string') return quoteFilterString(String(value));
  return null;
}

/** `name == value`, or null when the field is not in the filter table or the value does not fit it. */
export function fieldFilter(field: TreeField): string | null {
  const literal = filterLiteral(field.name, field.value);
  return literal === null ? null : `${field.name} == ${literal}`;
}

/** The filter text after one of the four moves, given what the filter bar holds now. */
export function combineFilter(current: string, expression: string, how: FilterCombination): string {
  const typed = current.trim();
  switch (how) {
    case 'selected': return expression;
    case 'not-selected': return `!(${expression})`;
    case 'and-selected': return typed ? `(${typed}) && (${expression})` : expression;
    case 'or-selected': return typed ? `(${typed}) || (${expression})` : expression;
  }
}
