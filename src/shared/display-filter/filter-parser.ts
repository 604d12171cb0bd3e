// Display-filter parser: tokens → syntax tree, by recursive descent with Wireshark's precedence
// (not > and > or/xor; comparisons bind tightest). `and`/`or`/`xor` chains are flattened into
// lists, so a long chain costs no depth; parentheses are the only nesting and are capped at MAX_DEPTH.
//
//   expr    := and (('||' | 'or' | '^^' | 'xor') and)*
//   and     := unary (('&&' | 'and') unary)*
//   unary   := ('!' | 'not')* primary
//   primary := '(' expr ')' | term [relop value | 'in' set]
//   term    := FIELD [slice] | ('lower' | 'upper' | 'len' | 'count') '(' FIELD [slice] ')'
//   slice   := '[' range (',' range)* ']'     range := i:j (offset, length) | i-j | i | :j | i:
//   relop   := == != === !== < > <= >= (eq ne all_eq any_ne lt gt le ge) contains matches ~
//   value   := "string" | bare word (number, address, account, verb, bytes…) | term
//   set     := '{' (value | value..value) (','? (value | value..value))* '}'

import { type FieldDef, lookupField, suggestField } from './filter-fields';
import { FilterSyntaxError, type Token, tokenize } from './filter-lexer';

export type CompareOp = '==' | '!=' | '===' | '!==' | '<' | '>' | '<=' | '>=' | 'contains' | 'matches';
export type FunctionName = 'lower' | 'upper' | 'len' | 'count';

/** One byte range of a slice: `start` may be negative (from the end); `end` is exclusive, null: to the end. */
export interface SliceRange {
  start: number;
  end: number | null;
}

export interface TermRef {
  def: FieldDef;
  pos: number;
  slice?: SliceRange[];
  fn?: FunctionName;
}

export type LiteralRef = { kind: 'literal'; text: string; quoted: boolean; pos: number };
export type ValueRef = LiteralRef | { kind: 'term'; term: TermRef; pos: number };
export type SetItem = { kind: 'value'; value: LiteralRef } | { kind: 'range'; from: LiteralRef; to: LiteralRef };

export type FilterNode =
  | { kind: 'or' | 'and' | 'xor'; items: FilterNode[] }
  | { kind: 'not'; item: FilterNode }
  | { kind: 'exists'; term: TermRef }
  | { kind: 'compare'; term: TermRef; op: CompareOp; opPos: number; value: ValueRef }
  | { kind: 'in'; term: TermRef; opPos: number; items: SetItem[] };

export const MAX_DEPTH = 64;
/** A set literal is typed by a person; more members than this is a mistake, not a filter. */
export const MAX_SET_ITEMS = 10_000;

const WORD_OPS: Record<string, CompareOp> = {
  eq: '==', ne: '!=', all_eq: '===', any_ne: '!==', lt: '<', gt: '>', le: '<=', ge: '>=', contains: 'contains', matches: 'matches',
};
const SYMBOL_OPS: Record<string, CompareOp> = { '==': '==', '!=': '!=', '===': '===', '!==': '!==', '<': '<', '>': '>', '<=': '<=', '>=': '>=', '~': 'matches' };
const FUNCTIONS = new Set<FunctionName>(['lower', 'upper', 'len', 'count']);
const KEYWORDS = new Set(['and', 'or', 'xor', 'not', 'in', ...Object.keys(WORD_OPS)]);

function describe(t: Token): string {
  if (t.kind === 'end') return 'the end of the filter';
  if (t.kind === 'string') return 'a string';
  return `'${t.text}'`;
}

const INTEGER = /^-?\d{1,9}$/;

/** One range of a slice, in Wireshark's forms: `i:j` is j bytes from i, `i-j` is i through j. */
function parseSliceRange(t: Token): SliceRange {
  const text = t.text;
  const bad = () => new FilterSyntaxError(`'${text}' is not a slice range (write [i:length], [i-j], [i], [:length] or [i:])`, t.pos);
  let m = /^(-?\d{1,9})?:(\d{1,9})?$/.exec(text);
  if (m) {
    const start = m[1] === undefined ? 0 : Number(m[1]);
    if (m[2] === undefined) return { start, end: null };
    const length = Number(m[2]);
    if (start < 0 && start + length > 0) throw bad();
    return { start, end: start < 0 && start + length === 0 ? null : start + length };
  }
  m = /^(\d{1,9})-(\d{1,9})$/.exec(text);
  if (m) {
    const [start, last] = [Number(m[1]), Number(m[2])];
    if (last < start) throw bad();
    return { start, end: last + 1 };
  }
  if (INTEGER.test(text)) {
    const start = Number(text);
    return { start, end: start === -1 ? null : start + 1 };
  }
  throw bad();
}

class Parser {
  private index = 0;

  constructor(private readonly tokens: Token[]) {}

  parse(): FilterNode {
    const node = this.parseOr(0);
    const t = this.peek();
    if (t.kind === 'rparen') throw new FilterSyntaxError("unexpected ')' without a matching '('", t.pos);
    if (t.kind !== 'end') throw new FilterSyntaxError(`unexpected ${describe(t)}; expected 'and', 'or' or the end of the filter`, t.pos);
    return node;
  }

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)];
  }

  private next(): Token {
    const t = this.tokens[this.index];
    if (t.kind !== 'end') this.index++;
    return t;
  }

  private isKeyword(t: Token, ...words: string[]): boolean {
    return t.kind === 'word' && words.includes(t.text.toLowerCase());
  }

  /** `or` and `xor` share a level, left to right; runs of the same one become one list. */
  private parseOr(depth: number): FilterNode {
    let node = this.parseAnd(depth);
    for (;;) {
      const t = this.peek();
      const kind = t.text === '||' || this.isKeyword(t, 'or') ? 'or' : t.text === '^^' || this.isKeyword(t, 'xor') ? 'xor' : null;
      if (!kind) return node;
      this.next();
      const right = this.parseAnd(depth);
      node = node.kind === kind ? { kind, items: [...node.items, right] } : { kind, items: [node, right] };
    }
  }

  private parseAnd(depth: number): FilterNode {
    const items = [this.parseUnary(depth)];
    while (this.peek().text === '&&' || this.isKeyword(this.peek(), 'and')) {
      this.next();
      items.push(this.parseUnary(depth));
    }
    return items.length === 1 ? items[0] : { kind: 'and', items };
  }

  private parseUnary(depth: number): FilterNode {
    let negations = 0;
    while ((this.peek().kind === 'op' && this.peek().text === '!') || this.isKeyword(this.peek(), 'not')) {
      this.next();
      negations++;
    }
    const node = this.parsePrimary(depth);
    return negations % 2 === 1 ? { kind: 'not', item: node } : node;
  }

  private parsePrimary(depth: number): FilterNode {
    const t = this.peek();
    const previous = this.index > 0 ? this.tokens[this.index - 1] : undefined;
    if (t.kind === 'lparen') {
      if (depth >= MAX_DEPTH) throw new FilterSyntaxError(`parentheses nested more than ${MAX_DEPTH} deep`, t.pos);
      this.next();
      const inner = this.parseOr(depth + 1);
      const close = this.peek();
      if (close.kind !== 'rparen') {
        throw new FilterSyntaxError(`missing ')' to close the '(' at position ${t.pos}; found ${describe(close)}`, close.pos);
      }
      this.next();
      return inner;
    }
    if (t.kind === 'end' || t.kind === 'rparen') {
      const after = previous ? ` after ${describe(previous)}` : '';
      throw new FilterSyntaxError(`expected an expression${after}`, t.pos);
    }
    if (t.kind === 'op') throw new FilterSyntaxError(`expected a field name before '${t.text}'`, t.pos);
    if (t.kind === 'string') throw new FilterSyntaxError('expected a field name, found a string', t.pos);
    if (t.kind !== 'word') throw new FilterSyntaxError(`expected a field name, found ${describe(t)}`, t.pos);
    if (KEYWORDS.has(t.text.toLowerCase())) throw new FilterSyntaxError(`expected a field name, found '${t.text}'`, t.pos);
    const term = this.parseTerm();
    const opToken = this.peek();
    if (this.isKeyword(opToken, 'in')) {
      this.next();
      return { kind: 'in', term, opPos: opToken.pos, items: this.parseSet(opToken) };
    }
    const op = opToken.kind === 'op' ? SYMBOL_OPS[opToken.text] : opToken.kind === 'word' ? WORD_OPS[opToken.text.toLowerCase()] : undefined;
    if (!op) return { kind: 'exists', term };
    this.next();
    return { kind: 'compare', term, op, opPos: opToken.pos, value: this.parseValue(opToken) };
  }

  /** A field, a sliced field or a function of one; the current token is its first word. */
  private parseTerm(): TermRef {
    const t = this.next();
    const name = t.text.toLowerCase() as FunctionName;
    if (FUNCTIONS.has(name) && this.peek().kind === 'lparen') {
      this.next();
      const inner = this.peek();
      if (inner.kind !== 'word') throw new FilterSyntaxError(`expected a field name inside ${name}()`, inner.pos);
      const term = this.parseTerm();
      if (term.fn) throw new FilterSyntaxError(`${name}() takes a field, not another function`, inner.pos);
      const close = this.peek();
      if (close.kind !== 'rparen') throw new FilterSyntaxError(`missing ')' to close ${name}(`, close.pos);
      this.next();
      return { ...term, fn: name, pos: t.pos };
    }
    const term: TermRef = { def: this.resolveField(t), pos: t.pos };
    if (this.peek().kind === 'lbracket') term.slice = this.parseSlice();
    return term;
  }

  private parseSlice(): SliceRange[] {
    const open = this.next();
    const ranges: SliceRange[] = [];
    for (;;) {
      const t = this.peek();
      if (t.kind !== 'word') throw new FilterSyntaxError(`expected a slice range after '${ranges.length ? ',' : '['}'`, t.pos);
      this.next();
      ranges.push(parseSliceRange(t));
      const after = this.next();
      if (after.kind === 'rbracket') return ranges;
      if (after.kind !== 'comma') throw new FilterSyntaxError(`missing ']' to close the '[' at position ${open.pos}`, after.pos);
    }
  }

  private parseSet(opToken: Token): SetItem[] {
    const open = this.peek();
    if (open.kind !== 'lbrace') throw new FilterSyntaxError(`expected '{' after '${opToken.text}'`, open.pos);
    this.next();
    const items: SetItem[] = [];
    for (;;) {
      let t = this.peek();
      if (t.kind === 'rbrace') {
        if (items.length === 0) throw new FilterSyntaxError('a set needs at least one member', t.pos);
        this.next();
        return items;
      }
      if (t.kind === 'comma' && items.length > 0) {
        this.next();
        t = this.peek();
      }
      if (t.kind === 'string') {
        this.next();
        const from: LiteralRef = { kind: 'literal', text: t.text, quoted: true, pos: t.pos };
        items.push(this.peek().text === '..' ? { kind: 'range', from, to: this.rangeEnd() } : { kind: 'value', value: from });
      } else if (t.kind === 'word' && !KEYWORDS.has(t.text.toLowerCase())) {
        this.next();
        items.push(this.setWord(t));
      } else {
        throw new FilterSyntaxError(`expected a set member or '}' to close the '{' at position ${open.pos}; found ${describe(t)}`, t.pos);
      }
      if (items.length > MAX_SET_ITEMS) throw new FilterSyntaxError(`a set holds at most ${MAX_SET_ITEMS} members`, t.pos);
    }
  }

  /** After `"low"`: the `..` and the high end of a range. */
  private rangeEnd(): LiteralRef {
    const dots = this.next();
    const t = this.next();
    if (t.kind !== 'string' && t.kind !== 'word') throw new FilterSyntaxError("expected the end of the range after '..'", dots.pos + 2);
    return { kind: 'literal', text: t.text, quoted: t.kind === 'string', pos: t.pos };
  }

  /** A bare set member: a value, or a range `low..high` (the lexer reads it as one word). */
  private setWord(t: Token): SetItem {
    const at = t.text.indexOf('..');
    if (at <= 0 || at + 2 >= t.text.length) return { kind: 'value', value: { kind: 'literal', text: t.text, quoted: false, pos: t.pos } };
    return {
      kind: 'range',
      from: { kind: 'literal', text: t.text.slice(0, at), quoted: false, pos: t.pos },
      to: { kind: 'literal', text: t.text.slice(at + 2), quoted: false, pos: t.pos + at + 2 },
    };
  }

  private resolveField(t: Token): FieldDef {
    const def = lookupField(t.text);
    if (def) return def;
    // A bare verb or error code is a common slip: say how to match it.
    const isVerb = /^[A-Z]{3}$|^\d{3}$/.test(t.text);
    const suggestion = isVerb ? undefined : suggestField(t.text);
    const hint = isVerb ? ` (to match a command, write msnp.cmd == ${t.text})` : suggestion ? ` (did you mean '${suggestion}'?)` : '';
    throw new FilterSyntaxError(`unknown field '${t.text}'${hint}`, t.pos);
  }

  private parseValue(opToken: Token): ValueRef {
    const t = this.peek();
    if (t.kind === 'string') {
      this.next();
      return { kind: 'literal', text: t.text, quoted: true, pos: t.pos };
    }
    if (t.kind !== 'word' || KEYWORDS.has(t.text.toLowerCase())) {
      throw new FilterSyntaxError(`expected value after '${opToken.text}'`, t.pos);
    }
    const isFunction = FUNCTIONS.has(t.text.toLowerCase() as FunctionName) && this.peek(1).kind === 'lparen';
    if (isFunction || lookupField(t.text)) return { kind: 'term', term: this.parseTerm(), pos: t.pos };
    this.next();
    return { kind: 'literal', text: t.text, quoted: false, pos: t.pos };
  }
}

/** Parses a filter expression (non-empty). Throws FilterSyntaxError with the position of the problem. */
export function parseFilter(text: string): FilterNode {
  return new Parser(tokenize(text)).parse();
}
