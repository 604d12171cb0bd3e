// Display-filter parser: tokens → syntax tree, by recursive descent with Wireshark's precedence
// (not > and > or; comparisons bind tightest). `and`/`or` chains are flattened into lists, so a
// long chain costs no depth; parentheses are the only nesting and are capped at MAX_DEPTH.
//
//   expr    := and (('||' | 'or') and)*
//   and     := unary (('&&' | 'and') unary)*
//   unary   := ('!' | 'not')* primary
//   primary := '(' expr ')' | FIELD [relop value]
//   relop   := == | != | < | > | <= | >= | eq | ne | lt | gt | le | ge | contains
//   value   := "string" | bare word (number, address, account, verb…) | FIELD

import { type FieldDef, lookupField, suggestField } from './filter-fields';
import { FilterSyntaxError, type Token, tokenize } from './filter-lexer';

export type CompareOp = '==' | '!=' | '<' | '>' | '<=' | '>=' | 'contains';

export interface FieldRef {
  def: FieldDef;
  pos: number;
}

export type ValueRef =
  | { kind: 'literal'; text: string; quoted: boolean; pos: number }
  | { kind: 'field'; def: FieldDef; pos: number };

export type FilterNode =
  | { kind: 'or' | 'and'; items: FilterNode[] }
  | { kind: 'not'; item: FilterNode }
  | { kind: 'exists'; field: FieldRef }
  | { kind: 'compare'; field: FieldRef; op: CompareOp; opPos: number; value: ValueRef };

export const MAX_DEPTH = 64;

const WORD_OPS: Record<string, CompareOp> = { eq: '==', ne: '!=', lt: '<', gt: '>', le: '<=', ge: '>=', contains: 'contains' };
const SYMBOL_OPS = new Set<string>(['==', '!=', '<', '>', '<=', '>=']);
const KEYWORDS = new Set(['and', 'or', 'not', ...Object.keys(WORD_OPS)]);

function describe(t: Token): string {
  if (t.kind === 'end') return 'the end of the filter';
  if (t.kind === 'string') return 'a string';
  return `'${t.text}'`;
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

  private peek(): Token {
    return this.tokens[this.index];
  }

  private next(): Token {
    const t = this.tokens[this.index];
    if (t.kind !== 'end') this.index++;
    return t;
  }

  private isKeyword(t: Token, ...words: string[]): boolean {
    return t.kind === 'word' && words.includes(t.text.toLowerCase());
  }

  private parseOr(depth: number): FilterNode {
    const items = [this.parseAnd(depth)];
    while (this.peek().text === '||' || this.isKeyword(this.peek(), 'or')) {
      this.next();
      items.push(this.parseAnd(depth));
    }
    return items.length === 1 ? items[0] : { kind: 'or', items };
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
    if (KEYWORDS.has(t.text.toLowerCase())) throw new FilterSyntaxError(`expected a field name, found '${t.text}'`, t.pos);
    this.next();
    const field = { def: this.resolveField(t), pos: t.pos };
    const opToken = this.peek();
    const op = opToken.kind === 'op' && SYMBOL_OPS.has(opToken.text)
      ? (opToken.text as CompareOp)
      : opToken.kind === 'word' ? WORD_OPS[opToken.text.toLowerCase()] : undefined;
    if (!op) return { kind: 'exists', field };
    this.next();
    return { kind: 'compare', field, op, opPos: opToken.pos, value: this.parseValue(opToken) };
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
    this.next();
    const def = lookupField(t.text);
    return def ? { kind: 'field', def, pos: t.pos } : { kind: 'literal', text: t.text, quoted: false, pos: t.pos };
  }
}

/** Parses a filter expression (non-empty). Throws FilterSyntaxError with the position of the problem. */
export function parseFilter(text: string): FilterNode {
  return new Parser(tokenize(text)).parse();
}
