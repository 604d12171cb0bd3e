// What Export Objects' inline viewer may show of a recovered file: an image (PNG, JPEG, GIF or
// BMP by its magic bytes, not by its name), UTF-8 text (its first PREVIEW_TEXT_BYTES), or nothing
// with the reason. The bytes are the sender's: the window shows text only as text and images only
// as an <img> of a blob with the sniffed type, never as a document.

import { PREVIEW_LIMIT_BYTES, PREVIEW_TEXT_BYTES, type ObjectPreview } from '../../../shared/export-requests';
import { sniffImageType } from '../../../shared/image-type';

/** Text here means valid UTF-8 with no NUL and few other controls (tabs and line ends are fine). */
function asText(bytes: Uint8Array): string | null {
  const head = bytes.subarray(0, PREVIEW_TEXT_BYTES);
  let text: string;
  try {
    // stream: a character cut at the preview's end is not an error.
    text = new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: head.length < bytes.length });
  } catch {
    return null;
  }
  // eslint-disable-next-line no-control-regex
  const controls = text.match(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g)?.length ?? 0;
  return text.includes('\u0000') || controls > text.length / 100 ? null : text;
}

export function objectPreview(bytes: Uint8Array | null, size: number): ObjectPreview {
  if (!bytes) return { kind: 'none', reason: 'its bytes were not kept (over the memory budget for rebuilt files)' };
  if (bytes.length === 0) return { kind: 'none', reason: 'no byte of it was seen' };
  const mime = sniffImageType(bytes);
  if (mime) {
    if (bytes.length > PREVIEW_LIMIT_BYTES) return { kind: 'none', reason: `the image is larger than ${PREVIEW_LIMIT_BYTES / 1024 / 1024} MiB: save it to look at it` };
    return { kind: 'image', mime, bytes: bytes.slice(), size };
  }
  const text = asText(bytes);
  if (text !== null) return { kind: 'text', text, size, truncated: bytes.length > PREVIEW_TEXT_BYTES };
  return { kind: 'none', reason: 'it is neither text nor a PNG, JPEG, GIF or BMP image: save it to look at it' };
}
