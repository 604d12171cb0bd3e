// Decodes the body of a text/plain chat message by its charset: UTF-8 unless the Content-Type
// names another encoding (old clients and some clones sent GB2312, Big5, windows-125x…).
// Invalid bytes become U+FFFD, never an exception. Spec: PROTOCOL.md "Messages".

const decoders = new Map<string, TextDecoder>();

/** A cached non-fatal TextDecoder for `label`, or null when the label is unknown to the runtime. */
export function decoderFor(label: string): TextDecoder | null {
  const key = label.trim().toLowerCase();
  let decoder = decoders.get(key);
  if (decoder) return decoder;
  try {
    decoder = new TextDecoder(key, { fatal: false });
  } catch {
    return null;
  }
  // Bound the cache: labels come from the capture.
  if (decoders.size < 64) decoders.set(key, decoder);
  return decoder;
}

export interface ChatText {
  text: string;
  /** The encoding actually used (TextDecoder's canonical name). */
  encoding: string;
  /** Set when the named charset was unknown and UTF-8 was used instead. */
  fallback?: string;
}

/**
 * Decodes chat text. `charset` is the Content-Type charset (null: UTF-8); `fallbackLabel` is
 * used when no charset is given (e.g. from X-MMS-IM-Format CS=, see im-format.ts).
 */
export function decodeChatText(body: Uint8Array, charset: string | null, fallbackLabel?: string | null): ChatText {
  const wanted = charset ?? fallbackLabel ?? 'utf-8';
  const decoder = decoderFor(wanted);
  if (decoder) return { text: decoder.decode(body), encoding: decoder.encoding };
  const utf8 = decoderFor('utf-8') as TextDecoder;
  return { text: utf8.decode(body), encoding: utf8.encoding, fallback: `unknown charset "${wanted.slice(0, 40)}", decoded as UTF-8` };
}
