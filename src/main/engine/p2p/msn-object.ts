// MSN objects (`<msnobj Creator=… Size=… Type=… Location=… Friendly=… SHA1D=…/>`): the descriptor
// of a display picture, custom emoticon, wink or voice clip. In an MSNSLP INVITE with the
// msnobj EUF-GUID the `Context` is this XML in base64 (NUL-terminated).
// Spec: PROTOCOL.md "P2P / MSNSLP"; msnpiki "MSNC:MSNObject" (attributes, Type values).

import { decodeBase64Bounded } from './slp-context';

export interface MsnObject {
  creator: string | null;
  size: number | null;
  type: number | null;
  /** display-picture, emoticon, wink, voice-clip, background… */
  kind: string;
  location: string | null;
  /** Friendly name, decoded from base64 UTF-16LE when possible. */
  friendly: string | null;
  sha1d: string | null;
}

const KINDS: Record<number, string> = { 2: 'emoticon', 3: 'display-picture', 5: 'background', 8: 'wink', 11: 'voice-clip' };

function attribute(xml: string, name: string): string | null {
  const match = new RegExp(`\\b${name}="([^"]{0,2048})"`, 'i').exec(xml);
  return match ? match[1] : null;
}

/** Parses msnobj XML (URL-decoded or not); null when there is no `<msnobj` element. */
export function parseMsnObject(text: string): MsnObject | null {
  let xml = text.slice(0, 16 * 1024);
  if (xml.includes('%3C') || xml.includes('%3c')) {
    try {
      xml = decodeURIComponent(xml);
    } catch {
      // Keep it encoded; the attribute regexes simply find nothing.
    }
  }
  if (!/<msnobj\b/i.test(xml)) return null;
  const sizeText = attribute(xml, 'Size');
  const typeText = attribute(xml, 'Type');
  const type = typeText !== null && /^\d{1,4}$/.test(typeText) ? Number(typeText) : null;
  const friendlyRaw = attribute(xml, 'Friendly');
  let friendly: string | null = null;
  if (friendlyRaw !== null) {
    const bytes = decodeBase64Bounded(friendlyRaw, 4096);
    friendly = bytes && bytes.length % 2 === 0 ? new TextDecoder('utf-16le').decode(bytes).replace(/\0+$/, '') : friendlyRaw;
  }
  return {
    creator: attribute(xml, 'Creator'),
    size: sizeText !== null && /^\d{1,12}$/.test(sizeText) ? Number(sizeText) : null,
    type,
    kind: (type !== null && KINDS[type]) || 'msn-object',
    location: attribute(xml, 'Location'),
    friendly,
    sha1d: attribute(xml, 'SHA1D'),
  };
}

/** Decodes the base64 `Context` of an msnobj INVITE. */
export function decodeMsnObjectContext(base64: string): MsnObject | null {
  const bytes = decodeBase64Bounded(base64, 64 * 1024);
  return bytes ? parseMsnObject(new TextDecoder('utf-8').decode(bytes)) : null;
}
