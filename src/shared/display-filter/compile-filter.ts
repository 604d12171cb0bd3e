// Display filters: compiles a Wireshark-like expression into a predicate over a frame's
// FrameFields (closures, no eval). The language is described in README.md next to this file.
//
// Semantics worth knowing (as in Wireshark ≥ 4.0):
// - a multi-valued field (ip.addr, tcp.port, msnp.cmd…) matches when ANY of its values matches;
//   `===` (all_eq) wants every value to match, `!==` (any_ne) wants one that differs;
// - `a != b` means `!(a == b)`: true when NO value equals b, including when the field is absent
//   (so `msnp.cmd != MSG` also matches frames without MSNP; write `msnp && msnp.cmd != MSG`);
// - a comparison on an absent field is false; a bare field name tests presence;
// - `matches` is case-insensitive unless the pattern starts with (?-i); `contains` is not
//   (use lower()/upper()), except on the fields MSNP itself compares case-insensitively.

import { AddressCache, compareAddresses, type IpAddress, type IpPrefix, parseIpPrefix } from './filter-address';
import { type FieldDef, type FieldType, type FieldValue, indexOfBytes } from './filter-fields';
import { FilterSyntaxError } from './filter-lexer';
import { type CompareOp, type FilterNode, type LiteralRef, parseFilter, type SetItem, type SliceRange, type TermRef, type ValueRef } from './filter-parser';
import type { FrameFields } from './frame-fields';

export type FramePredicate = (fields: FrameFields) => boolean;
export type CompiledFilter =
  | { ok: true; predicate: FramePredicate; usesBytes: boolean; /** Every field name the expression reads. */ fields: ReadonlySet<string> }
  | { ok: false; error: string; position: number };

/** What an expression reads, gathered while compiling it. */
interface Uses {
  bytes: boolean;
  fields: Set<string>;
}

/** Longest filter accepted; a display filter is typed by a person. */
export const MAX_FILTER_LENGTH = 10_000;

type ValueTest = (v: FieldValue) => boolean;
type Getter = (f: FrameFields) => readonly FieldValue[] | undefined;
type Ordering = Exclude<CompareOp, 'contains' | 'matches' | '!=' | '===' | '!=='>;

const ORDERING: Record<Ordering, (c: number) => boolean> = {
  '==': (c) => c === 0,
  '<': (c) => c < 0,
  '>': (c) => c > 0,
  '<=': (c) => c <= 0,
  '>=': (c) => c >= 0,
};

const encoder = new TextEncoder();

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

function compareScalars(a: FieldValue, b: FieldValue): number {
  if (a instanceof Uint8Array || b instanceof Uint8Array) {
    return a instanceof Uint8Array && b instanceof Uint8Array ? compareBytes(a, b) : NaN;
  }
  return a < b ? -1 : a > b ? 1 : a === b ? 0 : NaN;
}

function parseNumber(text: string): number | null {
  if (/^\d{1,15}$/.test(text)) return Number(text);
  if (/^\d{1,15}\.\d{1,9}$/.test(text)) return Number(text);
  if (/^0x[0-9a-f]{1,12}$/i.test(text)) return parseInt(text.slice(2), 16);
  const lower = text.toLowerCase();
  if (lower === 'true') return 1;
  if (lower === 'false') return 0;
  return null;
}

/** Bytes typed as `aa:bb:cc`, `aa-bb-cc`, `aa.bb.cc`, `aabbcc` or one byte `41`; a string is its UTF-8. */
function parseBytes(value: LiteralRef): Uint8Array | null {
  if (value.quoted) return encoder.encode(value.text);
  const text = value.text;
  const groups = /^[0-9a-f]{2}([:.-][0-9a-f]{2})*$/i.test(text) ? text.split(/[:.-]/) : /^([0-9a-f]{2})+$/i.test(text) ? text.match(/../g)! : null;
  return groups ? Uint8Array.from(groups, (g) => parseInt(g, 16)) : null;
}

/** "2006-03-17 10:00:00[.ffffff]", ISO 8601 or "Mar 17, 2006 10:00:00": UTC unless a zone is given. */
function parseTime(text: string): number | null {
  const iso = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})?$/.exec(text.trim());
  let ms: number;
  let fraction = '';
  if (iso) {
    fraction = iso[3] ?? '';
    ms = Date.parse(`${iso[1]}T${iso[2]}${iso[4] ?? 'Z'}`);
  } else {
    const withFraction = /^(.*\d{2}:\d{2}:\d{2})(\.\d{1,9})(.*)$/.exec(text.trim());
    if (withFraction) fraction = withFraction[2];
    const rest = withFraction ? withFraction[1] + withFraction[3] : text.trim();
    ms = Date.parse(/(UTC|GMT|Z|[+-]\d{2}:?\d{2})$/i.test(rest) ? rest : `${rest} UTC`);
  }
  if (!Number.isFinite(ms)) return null;
  return ms * 1000 + Math.round(Number(`0${fraction || '.0'}`) * 1e6);
}

const TYPE_WORDS: Record<FieldType, string> = {
  number: 'a number', string: 'text', address: 'an IP address', protocol: 'a protocol', bytes: 'bytes', time: 'a time',
};

// ---- Terms: a field, a slice of it, or a function of it ----

function resolveIndex(i: number, length: number): number {
  return i < 0 ? Math.max(0, length + i) : Math.min(i, length);
}

function sliceBytes(bytes: Uint8Array, ranges: readonly SliceRange[]): Uint8Array | null {
  const parts: Uint8Array[] = [];
  for (const r of ranges) {
    const start = resolveIndex(r.start, bytes.length);
    const end = r.end === null ? bytes.length : resolveIndex(r.end, bytes.length);
    // Wireshark: a slice beyond the field's end does not exist (the comparison is false).
    if (r.start >= 0 && r.end !== null && r.end > bytes.length) return null;
    if (r.start < 0 && -r.start > bytes.length) return null;
    if (end <= start && !(r.end === null && start === bytes.length)) return null;
    parts.push(bytes.subarray(start, end));
  }
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

interface CompiledTerm {
  /** The type comparisons see: a slice is bytes, len()/count() a number. */
  type: FieldType;
  caseInsensitive: boolean;
  name: string;
  values: Getter;
  /** Reads packet bytes (so the back end must be able to supply them). */
  usesBytes: boolean;
}

/** The term's values as bytes, for a slice or for a protocol's `contains`/`matches`. */
function bytesGetter(def: FieldDef): Getter {
  if (def.type === 'protocol') {
    const read = def.bytes;
    if (!read) throw new Error(`protocol ${def.name} has no bytes`);
    return (f) => {
      if (!def.values(f)?.length) return undefined;
      const b = read(f);
      return b ? [b] : undefined;
    };
  }
  return (f) => def.values(f)?.map((v) => (v instanceof Uint8Array ? v : encoder.encode(String(v))));
}

function compileTerm(term: TermRef): CompiledTerm {
  const def = term.def;
  const usesBytes = def.type === 'protocol' || def.type === 'bytes' || def.name === 'msnslp';
  let type = def.type;
  let values: Getter = def.values;
  if (term.slice) {
    if (def.type === 'number' || def.type === 'address' || def.type === 'time') {
      throw new FilterSyntaxError(`'${def.name}' is ${TYPE_WORDS[def.type]} and cannot be sliced`, term.pos);
    }
    const source = bytesGetter(def);
    const ranges = term.slice;
    values = (f) => {
      const all = source(f);
      if (!all) return undefined;
      const out: FieldValue[] = [];
      for (const b of all) {
        const s = sliceBytes(b as Uint8Array, ranges);
        if (s) out.push(s);
      }
      return out.length ? out : undefined;
    };
    type = 'bytes';
  }
  const base: CompiledTerm = { type, caseInsensitive: !!def.caseInsensitive && !term.slice, name: def.name, values, usesBytes };
  switch (term.fn) {
    case undefined:
      return base;
    case 'lower':
    case 'upper': {
      if (type !== 'string') throw new FilterSyntaxError(`${term.fn}() needs a text field; '${def.name}' is ${TYPE_WORDS[type]}`, term.pos);
      const inner = values;
      const up = term.fn === 'upper';
      return { ...base, caseInsensitive: false, values: (f) => inner(f)?.map((v) => (up ? String(v).toUpperCase() : String(v).toLowerCase())) };
    }
    case 'len': {
      if (type !== 'string' && type !== 'bytes' && type !== 'protocol') {
        throw new FilterSyntaxError(`len() needs text or bytes; '${def.name}' is ${TYPE_WORDS[type]}`, term.pos);
      }
      const inner = type === 'protocol' ? bytesGetter(def) : values;
      return { ...base, type: 'number', usesBytes: base.usesBytes || type === 'protocol', values: (f) => inner(f)?.map((v) => (v instanceof Uint8Array ? v.length : String(v).length)) };
    }
    case 'count': {
      const inner = values;
      return { ...base, type: 'number', values: (f) => [inner(f)?.length ?? 0] };
    }
  }
}

// ---- Comparisons ----

function regexFor(value: LiteralRef): RegExp {
  let source = value.text;
  let flags = 'i';
  if (source.startsWith('(?-i)')) {
    source = source.slice(5);
    flags = '';
  } else if (source.startsWith('(?i)')) {
    source = source.slice(4);
  }
  try {
    return new RegExp(source, flags);
  } catch (e) {
    throw new FilterSyntaxError(`invalid regular expression: ${(e as Error).message.replace(/^Invalid regular expression: /, '')}`, value.pos);
  }
}

/** Bytes as one character per byte, so a regular expression can search binary data. */
function latin1(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return out;
}

function literalTest(term: CompiledTerm, op: Exclude<CompareOp, '!=' | '===' | '!=='>, value: LiteralRef, addresses: AddressCache): ValueTest {
  if (op === 'matches') {
    if (term.type !== 'string' && term.type !== 'bytes' && term.type !== 'protocol') {
      throw new FilterSyntaxError(`'matches' needs text or bytes; '${term.name}' is ${TYPE_WORDS[term.type]}`, value.pos);
    }
    const re = regexFor(value);
    return (v) => re.test(v instanceof Uint8Array ? latin1(v) : String(v));
  }
  switch (term.type) {
    case 'number': {
      const n = parseNumber(value.text);
      if (n === null) throw new FilterSyntaxError(`'${value.text}' is not a valid number for '${term.name}'`, value.pos);
      const accept = ORDERING[op as Ordering];
      return (v) => accept(compareScalars(v, n));
    }
    case 'time': {
      const t = parseTime(value.text);
      if (t === null) throw new FilterSyntaxError(`'${value.text}' is not a time for '${term.name}' (write "2006-03-17 10:00:00")`, value.pos);
      const accept = ORDERING[op as Ordering];
      return (v) => accept(compareScalars(v, t));
    }
    case 'string': {
      const wanted = term.caseInsensitive ? value.text.toLowerCase() : value.text;
      const norm = term.caseInsensitive ? (v: FieldValue) => String(v).toLowerCase() : (v: FieldValue) => String(v);
      if (op === 'contains') return (v) => norm(v).includes(wanted);
      const accept = ORDERING[op];
      return (v) => accept(compareScalars(norm(v), wanted));
    }
    case 'bytes':
    case 'protocol': {
      const bytes = parseBytes(value);
      if (!bytes) throw new FilterSyntaxError(`'${value.text}' is not bytes for '${term.name}' (write aa:bb:cc or "text")`, value.pos);
      if (op === 'contains') return (v) => v instanceof Uint8Array && indexOfBytes(v, bytes) >= 0;
      const accept = ORDERING[op];
      return (v) => accept(compareScalars(v, bytes));
    }
    case 'address': {
      const prefix: IpPrefix | null = parseIpPrefix(value.text);
      if (!prefix) throw new FilterSyntaxError(`'${value.text}' is not a valid IP address for '${term.name}'`, value.pos);
      const isPrefix = prefix.bits < prefix.groups.length * 16;
      if (isPrefix && op !== '==') throw new FilterSyntaxError(`a network prefix can only be compared with '==' or '!='`, value.pos);
      const accept = ORDERING[op as Ordering];
      return (v) => {
        const address = addresses.get(String(v));
        return address !== null && accept(compareAddresses(address, prefix, prefix.bits));
      };
    }
  }
}

function pairTest(left: CompiledTerm, op: Exclude<CompareOp, '!=' | '===' | '!=='>, right: CompiledTerm, pos: number, addresses: AddressCache): (a: FieldValue, b: FieldValue) => boolean {
  const compatible = left.type === right.type || (left.type === 'bytes' && right.type === 'string') || (left.type === 'string' && right.type === 'bytes');
  if (!compatible || left.type === 'protocol' || op === 'matches') {
    if (op === 'matches') throw new FilterSyntaxError(`'matches' needs a quoted regular expression, not a field`, pos);
    throw new FilterSyntaxError(`cannot compare '${left.name}' (${TYPE_WORDS[left.type]}) with '${right.name}' (${TYPE_WORDS[right.type]})`, pos);
  }
  const asBytes = left.type !== right.type;
  const fold = !asBytes && (left.caseInsensitive || right.caseInsensitive);
  const norm = (v: FieldValue): FieldValue => (asBytes && !(v instanceof Uint8Array) ? encoder.encode(String(v)) : fold ? String(v).toLowerCase() : v);
  if (op === 'contains') {
    return (a, b) => {
      const x = norm(a);
      const y = norm(b);
      return x instanceof Uint8Array ? y instanceof Uint8Array && indexOfBytes(x, y) >= 0 : String(x).includes(String(y));
    };
  }
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

function checkOperator(term: CompiledTerm, op: CompareOp, opPos: number): void {
  if (op === 'contains' && term.type !== 'string' && term.type !== 'bytes' && term.type !== 'protocol') {
    throw new FilterSyntaxError(`'contains' needs a text field; '${term.name}' is ${TYPE_WORDS[term.type]}`, opPos);
  }
  if (term.type === 'protocol' && op !== 'contains' && op !== 'matches') {
    throw new FilterSyntaxError(`'${term.name}' is a protocol: test it on its own (e.g. '${term.name}'), not with '${op}'`, opPos);
  }
}

/** any (==, <, contains…), all (===) or any-not (!==) of the term's values against one test. */
function quantify(values: Getter, op: CompareOp, test: ValueTest): FramePredicate {
  if (op === '===') {
    return (f) => {
      const vs = values(f);
      if (!vs || vs.length === 0) return false;
      for (let i = 0; i < vs.length; i++) if (!test(vs[i])) return false;
      return true;
    };
  }
  const any: FramePredicate = (f) => {
    const vs = values(f);
    if (!vs) return false;
    for (let i = 0; i < vs.length; i++) if (test(vs[i]) !== (op === '!==')) return true;
    return false;
  };
  return op === '!=' ? (f) => !any(f) : any;
}

function compileCompare(node: Extract<FilterNode, { kind: 'compare' }>, addresses: AddressCache, uses: Uses): FramePredicate {
  const term = compileTerm(node.term);
  uses.bytes ||= term.usesBytes;
  uses.fields.add(term.name);
  checkOperator(term, node.op, node.opPos);
  // `!=` is `!(==)`: no value equal (Wireshark ≥ 3.6), so `ip.addr != x` excludes both directions.
  const op = node.op === '!=' || node.op === '===' || node.op === '!==' ? '==' : node.op;
  const value: ValueRef = node.value;
  if (value.kind === 'literal') {
    const values = term.type === 'protocol' ? bytesGetter(node.term.def) : term.values;
    return quantify(values, node.op, literalTest(term, op, value, addresses));
  }
  const other = compileTerm(value.term);
  uses.bytes ||= other.usesBytes;
  uses.fields.add(other.name);
  const test = pairTest(term, op, other, value.pos, addresses);
  const pair = (f: FrameFields) => {
    const left = term.values(f);
    const right = other.values(f);
    if (!left || !right) return false;
    return left.some((a) => right.some((b) => test(a, b)));
  };
  return node.op === '!=' ? (f) => !pair(f) : pair;
}

function compileIn(node: Extract<FilterNode, { kind: 'in' }>, addresses: AddressCache, uses: Uses): FramePredicate {
  const term = compileTerm(node.term);
  uses.bytes ||= term.usesBytes;
  uses.fields.add(term.name);
  checkOperator(term, '==', node.opPos);
  const tests = node.items.map((item: SetItem): ValueTest => {
    if (item.kind === 'value') return literalTest(term, '==', item.value, addresses);
    if (term.type !== 'number' && term.type !== 'time' && term.type !== 'address') {
      throw new FilterSyntaxError(`a range needs a number, time or address field; '${term.name}' is ${TYPE_WORDS[term.type]}`, item.from.pos);
    }
    const low = literalTest(term, '>=', item.from, addresses);
    const high = literalTest(term, '<=', item.to, addresses);
    return (v) => low(v) && high(v);
  });
  return quantify(term.values, '==', (v) => tests.some((t) => t(v)));
}

function compileNode(node: FilterNode, addresses: AddressCache, uses: Uses): FramePredicate {
  switch (node.kind) {
    case 'exists': {
      const term = compileTerm(node.term);
      const def = node.term.def;
      uses.fields.add(def.name);
      uses.bytes ||= !!node.term.slice || def.type === 'bytes' || def.name === 'msnslp' || (node.term.fn === 'len' && def.type === 'protocol');
      return (f) => (term.values(f)?.length ?? 0) > 0;
    }
    case 'not': {
      const inner = compileNode(node.item, addresses, uses);
      return (f) => !inner(f);
    }
    case 'and': {
      const items = node.items.map((n) => compileNode(n, addresses, uses));
      return (f) => items.every((p) => p(f));
    }
    case 'or': {
      const items = node.items.map((n) => compileNode(n, addresses, uses));
      return (f) => items.some((p) => p(f));
    }
    case 'xor': {
      const items = node.items.map((n) => compileNode(n, addresses, uses));
      return (f) => items.reduce((odd, p) => odd !== p(f), false);
    }
    case 'compare':
      return compileCompare(node, addresses, uses);
    case 'in':
      return compileIn(node, addresses, uses);
  }
}

/**
 * Compiles a display filter. An empty (or blank) filter matches every frame. `usesBytes` says the
 * filter reads packet bytes (`frame contains …`, slices, `msnslp`), which costs a read per frame.
 */
export function compileFilter(text: string): CompiledFilter {
  if (text.length > MAX_FILTER_LENGTH) {
    return { ok: false, error: `filter longer than ${MAX_FILTER_LENGTH} characters`, position: MAX_FILTER_LENGTH };
  }
  if (text.trim() === '') return { ok: true, predicate: () => true, usesBytes: false, fields: new Set() };
  try {
    const uses: Uses = { bytes: false, fields: new Set() };
    const predicate = compileNode(parseFilter(text), new AddressCache(), uses);
    return { ok: true, predicate, usesBytes: uses.bytes, fields: uses.fields };
  } catch (e) {
    if (e instanceof FilterSyntaxError) return { ok: false, error: e.message, position: e.position };
    throw e;
  }
}
