// Display-filter lexer: splits a Wireshark-like filter expression into tokens with their
// character positions, so that every error can point at the offending spot.
// Bare words cover field names, keywords, numbers, addresses and e-mail addresses alike
// (msnp.cmd, and, 1863, 10.0.0.1, ::1, alice@example.com); the parser decides what they mean.

export type TokenKind = 'word' | 'string' | 'op' | 'lparen' | 'rparen' | 'lbracket' | 'rbracket' | 'lbrace' | 'rbrace' | 'comma' | 'end';

export interface Token {
  kind: TokenKind;
  /** The word, the operator, or the decoded contents of a string literal. */
  text: string;
  /** 0-based offset of the first character in the source. */
  pos: number;
}

export class FilterSyntaxError extends Error {
  constructor(message: string, readonly position: number) {
    super(message);
  }
}

/** Longest first, so that "===" wins over "==" and "==" over a lone "=". */
const OPERATORS = ['===', '!==', '==', '!=', '<=', '>=', '&&', '||', '^^', '<', '>', '!', '~'];

const PUNCTUATION: Record<string, TokenKind> = { '(': 'lparen', ')': 'rparen', '[': 'lbracket', ']': 'rbracket', '{': 'lbrace', '}': 'rbrace', ',': 'comma' };

/** Characters of a bare word; anything non-ASCII counts too, so `contains 你好` works unquoted. */
function isWordChar(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) ||
    code === 0x5f /* _ */ || code === 0x2e /* . */ || code === 0x2d /* - */ || code === 0x40 /* @ */ ||
    code === 0x3a /* : */ || code === 0x2f /* / */ || code === 0x2b /* + */ || code === 0x25 /* % */ ||
    code > 0x7f;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

const SIMPLE_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', "'": "'", n: '\n', r: '\r', t: '\t', '0': '\0' };

/** Reads a double-quoted literal starting at `start` (the quote); returns the text and the end. */
function readString(src: string, start: number): { text: string; end: number } {
  let out = '';
  let i = start + 1;
  while (i < src.length) {
    const ch = src[i];
    if (ch === '"') return { text: out, end: i + 1 };
    if (ch !== '\\') {
      out += ch;
      i++;
      continue;
    }
    const esc = src[i + 1];
    if (esc === undefined) break;
    if (esc in SIMPLE_ESCAPES) {
      out += SIMPLE_ESCAPES[esc];
      i += 2;
    } else if (esc === 'x' || esc === 'u') {
      const digits = esc === 'x' ? 2 : 4;
      const hex = src.slice(i + 2, i + 2 + digits);
      if (!new RegExp(`^[0-9A-Fa-f]{${digits}}$`).test(hex)) {
        throw new FilterSyntaxError(`escape '\\${esc}' needs ${digits} hex digits`, i);
      }
      out += String.fromCharCode(parseInt(hex, 16));
      i += 2 + digits;
    } else {
      throw new FilterSyntaxError(`unknown escape '\\${esc}' in string`, i);
    }
  }
  throw new FilterSyntaxError('unterminated string (missing closing ")', start);
}

/** Tokenizes the whole expression; the last token is always `end`. Throws FilterSyntaxError. */
export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const code = src.charCodeAt(i);
    if (isSpace(code)) {
      i++;
      continue;
    }
    if (code === 0x22 /* " */) {
      const { text, end } = readString(src, i);
      tokens.push({ kind: 'string', text, pos: i });
      i = end;
      continue;
    }
    const punctuation = PUNCTUATION[src[i]];
    if (punctuation) {
      tokens.push({ kind: punctuation, text: src[i], pos: i });
      i++;
      continue;
    }
    const op = OPERATORS.find((o) => src.startsWith(o, i));
    if (op) {
      tokens.push({ kind: 'op', text: op, pos: i });
      i += op.length;
      continue;
    }
    if (isWordChar(code)) {
      const start = i;
      while (i < src.length && isWordChar(src.charCodeAt(i))) i++;
      tokens.push({ kind: 'word', text: src.slice(start, i), pos: start });
      continue;
    }
    if (src[i] === '=') throw new FilterSyntaxError("'=' is not an operator; use '=='", i);
    if (src[i] === '&' || src[i] === '|') {
      throw new FilterSyntaxError(`'${src[i]}' is not an operator; use '${src[i]}${src[i]}'`, i);
    }
    throw new FilterSyntaxError(`unexpected character '${src[i]}'`, i);
  }
  tokens.push({ kind: 'end', text: '', pos: src.length });
  return tokens;
}
