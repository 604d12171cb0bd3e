// Display filters: compiles a Wireshark-like expression into a predicate over a frame's
// FrameFields (closures, no eval). The language is described in README.md next to this file.
//
// Semantics worth knowing (as in Wireshark ≥ 3.6):
// - a multi-valued field (ip.addr, tcp.port, msnp.cmd…) matches when ANY of its values matches;
// - `a != b` means `!(a == b)`: true when NO value equals b, including when the field is absent
//   (so `msnp.cmd != MSG` also matches frames without MSNP; write `msnp && msnp.cmd != MSG`);
// - a comparison on an absent field is false; a bare field name tests presence.

import { AddressCache, compareAddresses, type IpAddress, type IpPrefix, parseIpPrefix } from './filter-address';
import { type FieldDef, type FieldValue } from './filter-fields';
import { FilterSyntaxError } from './filter-lexer';
import { type CompareOp, type FilterNode, parseFilter, type ValueRef } from './filter-parser';
import type { FrameFields } from './frame-fields';

export type FramePredicate = (fields: FrameFields) => boolean;
export type CompiledFilter = { ok: true; predicate: FramePredicate } | { ok: false; error: string; position: number };

/** Longest filter accepted; a display filter is typed by a person. */
export const MAX_FILTER_LENGTH = 10_000;

type ValueTest = (v: FieldValue) => boolean;

const ORDERING: Record<Exclude<CompareOp, 'contains' | '!='>, (c: number) => boolean> = {
  '==': (c) => c === 0,
  '<': (c) => c < 0,
  '>': (c) => c > 0,
  '<=': (c) => c <= 0,
  '>=': (c) => c >= 0,
};

function compareScalars(a: FieldValue, b: FieldValue): number {
  return a < b ? -1 : a > b ? 1 : a === b ? 0 : NaN;
}

function parseNumber(text: string): number | null {
  if (/^\d{1,15}$/.test(text)) return Number(text);
  if (/^0x[0-9a-f]{1,12}$/i.test(text)) return parseInt(text.slice(2), 16);
  return null;
}

const TYPE_WORDS: Record<FieldDef['type'], string> = { number: 'a number', string: 'text', address: 'an IP address', protocol: 'a protocol' };

function literalTest(def: FieldDef, op: Exclude<CompareOp, '!='>, value: Extract<ValueRef, { kind: 'literal' }>, addresses: AddressCache): ValueTest {
  switch (def.type) {
    case 'number': {
      const n = parseNumber(value.text);
      if (n === null) throw new FilterSyntaxError(`'${value.text}' is not a valid number for '${def.name}'`, value.pos);
      const accept = ORDERING[op as keyof typeof ORDERING];
      return (v) => accept(compareScalars(v, n));
    }
    case 'string': {
      const wanted = def.caseInsensitive ? value.text.toLowerCase() : value.text;
      const norm = def.caseInsensitive ? (v: FieldValue) => String(v).toLowerCase() : (v: FieldValue) => String(v);
      if (op === 'contains') return (v) => norm(v).includes(wanted);
      const accept = ORDERING[op];
      return (v) => accept(compareScalars(norm(v), wanted));
    }
    case 'address': {
      const prefix: IpPrefix | null = parseIpPrefix(value.text);
      if (!prefix) throw new FilterSyntaxError(`'${value.text}' is not a valid IP address for '${def.name}'`, value.pos);
      const isPrefix = prefix.bits < prefix.groups.length * 16;
      if (isPrefix && op !== '==') throw new FilterSyntaxError(`a network prefix can only be compared with '==' or '!='`, value.pos);
      const accept = ORDERING[op as keyof typeof ORDERING];
      return (v) => {
        const address = addresses.get(String(v));
        return address !== null && accept(compareAddresses(address, prefix, prefix.bits));
      };
    }
    case 'protocol':
      throw new FilterSyntaxError(`'${def.name}' is a protocol: test it on its own (e.g. '${def.name}'), not with a value`, value.pos);
  }
}

function pairTest(left: FieldDef, op: Exclude<CompareOp, '!='>, right: FieldDef, pos: number, addresses: AddressCache): (a: FieldValue, b: FieldValue) => boolean {
  if (left.type !== right.type || left.type === 'protocol') {
    throw new FilterSyntaxError(`cannot compare '${left.name}' (${TYPE_WORDS[left.type]}) with '${right.name}' (${TYPE_WORDS[right.type]})`, pos);
  }
  const fold = left.caseInsensitive || right.caseInsensitive;
  const norm = (v: FieldValue) => (fold ? String(v).toLowerCase() : v);
  if (op === 'contains') return (a, b) => String(norm(a)).includes(String(norm(b)));
  const accept = ORDERING[op];
  if (left.type === 'address') {
    return (a, b) => {
      const x: IpAddress | null = addresses.get(String(a));
      const y: IpAddress | null = addresses.get(String(b));
      return x !== null && y !== null && accept(compareAddresses(x, y));
    };
  }
  return (a, b) => accept(compareScalars(norm(a), norm(b)));
}

function compileCompare(node: Extract<FilterNode, { kind: 'compare' }>, addresses: AddressCache): FramePredicate {
  const def = node.field.def;
  if (node.op === 'contains' && def.type !== 'string') {
    throw new FilterSyntaxError(`'contains' needs a text field; '${def.name}' is ${TYPE_WORDS[def.type]}`, node.opPos);
  }
  if (def.type === 'protocol') {
    throw new FilterSyntaxError(`'${def.name}' is a protocol: test it on its own (e.g. '${def.name}'), not with '${node.op}'`, node.opPos);
  }
  // `!=` is `!(==)`: no value equal (Wireshark ≥ 3.6), so `ip.addr != x` excludes both directions.
  const op = node.op === '!=' ? '==' : node.op;
  const negate = node.op === '!=';
  const value = node.value;
  let matches: FramePredicate;
  if (value.kind === 'literal') {
    const test = literalTest(def, op, value, addresses);
    matches = (f) => {
      const values = def.values(f);
      if (!values) return false;
      for (let i = 0; i < values.length; i++) if (test(values[i])) return true;
      return false;
    };
  } else {
    const test = pairTest(def, op, value.def, value.pos, addresses);
    const other = value.def;
    matches = (f) => {
      const left = def.values(f);
      const right = other.values(f);
      if (!left || !right) return false;
      return left.some((a) => right.some((b) => test(a, b)));
    };
  }
  return negate ? (f) => !matches(f) : matches;
}

function compileNode(node: FilterNode, addresses: AddressCache): FramePredicate {
  switch (node.kind) {
    case 'exists': {
      const def = node.field.def;
      return (f) => (def.values(f)?.length ?? 0) > 0;
    }
    case 'not': {
      const inner = compileNode(node.item, addresses);
      return (f) => !inner(f);
    }
    case 'and': {
      const items = node.items.map((n) => compileNode(n, addresses));
      return (f) => items.every((p) => p(f));
    }
    case 'or': {
      const items = node.items.map((n) => compileNode(n, addresses));
      return (f) => items.some((p) => p(f));
    }
    case 'compare':
      return compileCompare(node, addresses);
  }
}

/** Compiles a display filter. An empty (or blank) filter matches every frame. */
export function compileFilter(text: string): CompiledFilter {
  if (text.length > MAX_FILTER_LENGTH) {
    return { ok: false, error: `filter longer than ${MAX_FILTER_LENGTH} characters`, position: MAX_FILTER_LENGTH };
  }
  if (text.trim() === '') return { ok: true, predicate: () => true };
  try {
    return { ok: true, predicate: compileNode(parseFilter(text), new AddressCache()) };
  } catch (e) {
    if (e instanceof FilterSyntaxError) return { ok: false, error: e.message, position: e.position };
    throw e;
  }
}
