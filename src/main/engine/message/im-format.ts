// Decodes the X-MMS-IM-Format header of a chat message: font name (URL-encoded), effects,
// colour (bbggrr hex, Windows COLORREF order), charset code (Windows GDI charset) and pitch/family.
// Spec: PROTOCOL.md "Messages"; hypothetic.org MSNP "Instant messages" (X-MMS-IM-Format).

export interface ImFormat {
  /** FN, URL-decoded. */
  font?: string;
  /** EF as sent (letters B, I, U, S). */
  effects?: string;
  /** EF spelled out: bold, italic, underline, strikethrough. */
  effectNames?: string[];
  /** CO converted to CSS order, e.g. "#ff0000" for CO=ff. */
  color?: string;
  /** CS as sent (hex code), e.g. "86". */
  charsetCode?: string;
  /** CS by name, e.g. "GB2312"; the code itself when unknown. */
  charset?: string;
  /** PF (pitch and family) as sent. */
  pitch?: string;
  /** RL=1: right-to-left text. */
  rightToLeft?: boolean;
}

/** Windows GDI charset codes (wingdi.h *_CHARSET), written in hex in CS=. */
const CHARSETS: Record<number, string> = {
  0x00: 'ANSI',
  0x01: 'DEFAULT',
  0x02: 'SYMBOL',
  0x4d: 'MAC',
  0x80: 'Shift_JIS',
  0x81: 'Hangul',
  0x82: 'Johab',
  0x86: 'GB2312',
  0x88: 'Big5',
  0xa1: 'Greek',
  0xa2: 'Turkish',
  0xa3: 'Vietnamese',
  0xb1: 'Hebrew',
  0xb2: 'Arabic',
  0xba: 'Baltic',
  0xcc: 'Russian',
  0xde: 'Thai',
  0xee: 'East Europe',
  0xff: 'OEM',
};

/** TextDecoder labels for the charset codes that name a real text encoding. */
const DECODER_LABELS: Record<number, string> = {
  0x00: 'windows-1252',
  0x80: 'shift_jis',
  0x81: 'euc-kr',
  0x86: 'gbk',
  0x88: 'big5',
  0xa1: 'windows-1253',
  0xa2: 'windows-1254',
  0xa3: 'windows-1258',
  0xb1: 'windows-1255',
  0xb2: 'windows-1256',
  0xba: 'windows-1257',
  0xcc: 'windows-1251',
  0xde: 'windows-874',
  0xee: 'windows-1250',
};

const EFFECTS: Record<string, string> = { B: 'bold', I: 'italic', U: 'underline', S: 'strikethrough' };

function safeDecodeUri(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    // A lone '%' or a bad UTF-8 sequence: keep the text as sent rather than lose it.
    return text;
  }
}

/** bbggrr (possibly shortened, e.g. "0" or "ff") → "#rrggbb"; undefined when not hex. */
export function colorFromBgr(value: string): string | undefined {
  const hex = value.trim();
  if (!/^[0-9a-fA-F]{1,6}$/.test(hex)) return undefined;
  const bgr = hex.padStart(6, '0').toLowerCase();
  return `#${bgr.slice(4, 6)}${bgr.slice(2, 4)}${bgr.slice(0, 2)}`;
}

/** The TextDecoder label for a CS= code, or null when it is not a text encoding we know. */
export function decoderLabelForCharsetCode(code: string): string | null {
  const n = Number.parseInt(code, 16);
  return Number.isNaN(n) ? null : (DECODER_LABELS[n] ?? null);
}

/** A client sends the same format with every line: parsed once per distinct (short) value. */
const FORMAT_CACHE_LIMIT = 256;
const FORMAT_CACHED_LENGTH = 256;
const formats = new Map<string, ImFormat>();

/** Parses `FN=MS%20Sans%20Serif; EF=B; CO=ff; CS=0; PF=22`. Unknown keys are ignored. */
export function parseImFormat(value: string): ImFormat {
  let format = formats.get(value);
  if (format === undefined) {
    format = parseImFormatText(value);
    if (value.length > FORMAT_CACHED_LENGTH) return format;
    if (formats.size >= FORMAT_CACHE_LIMIT) formats.clear();
    formats.set(value, format);
  }
  // Callers own what they get: a copy of the cached parse.
  const copy = { ...format };
  if (format.effectNames) copy.effectNames = [...format.effectNames];
  return copy;
}

function parseImFormatText(value: string): ImFormat {
  const format: ImFormat = {};
  for (const part of value.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim().toUpperCase();
    const raw = part.slice(eq + 1).trim();
    switch (key) {
      case 'FN':
        format.font = safeDecodeUri(raw);
        break;
      case 'EF':
        format.effects = raw;
        format.effectNames = [...raw.toUpperCase()].map((c) => EFFECTS[c]).filter((n): n is string => n !== undefined);
        break;
      case 'CO': {
        const color = colorFromBgr(raw);
        if (color) format.color = color;
        break;
      }
      case 'CS': {
        format.charsetCode = raw;
        const n = Number.parseInt(raw, 16);
        format.charset = Number.isNaN(n) ? raw : (CHARSETS[n] ?? raw);
        break;
      }
      case 'PF':
        format.pitch = raw;
        break;
      case 'RL':
        format.rightToLeft = raw === '1';
        break;
    }
  }
  return format;
}

/** The subset the result model keeps (TranscriptMessage.format). */
export function toTranscriptFormat(format: ImFormat): { font?: string; effects?: string; color?: string; charset?: string } {
  const out: { font?: string; effects?: string; color?: string; charset?: string } = {};
  if (format.font !== undefined) out.font = format.font;
  if (format.effects) out.effects = format.effects;
  if (format.color !== undefined) out.color = format.color;
  if (format.charset !== undefined) out.charset = format.charset;
  return out;
}
