// Just enough XML reading for the small documents MSNP carries in command bodies (UBX/UUX
// personal messages, ADL/RML contact lists): element text, attributes, entities. No DOM, no
// recursion, bounded scans: these bodies come from the capture.

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the five named entities and numeric character references; unknown ones stay as sent. */
export function decodeXmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]{2,6});/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref] ?? whole;
  });
}

/**
 * Text of the first `<name>…</name>` element (entities decoded); '' for `<name/>` or `<name></name>`,
 * null when the element is absent. Element names are matched exactly (XML is case-sensitive).
 */
export function elementText(xml: string, name: string): string | null {
  let from = 0;
  for (;;) {
    const open = xml.indexOf(`<${name}`, from);
    if (open < 0) return null;
    const after = xml.charCodeAt(open + name.length + 1);
    // `<PSMX>` is another element; `<PSM>`, `<PSM/>` and `<PSM attr="…">` are this one.
    if (after !== 0x3e && after !== 0x2f && after !== 0x20) {
      from = open + name.length + 1;
      continue;
    }
    const close = xml.indexOf('>', open);
    if (close < 0) return null;
    if (xml.charCodeAt(close - 1) === 0x2f) return '';
    const end = xml.indexOf(`</${name}>`, close);
    if (end < 0) return null;
    return decodeXmlEntities(xml.slice(close + 1, end));
  }
}

/** Attributes of a start tag's inside (`n="bob" l='3'`), names as sent, values entity-decoded. */
export function xmlAttributes(tagInside: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /([A-Za-z_][\w.-]*)\s*=\s*("([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tagInside)) !== null && out.size < 32) out.set(m[1], decodeXmlEntities(m[3] ?? m[4] ?? ''));
  return out;
}
