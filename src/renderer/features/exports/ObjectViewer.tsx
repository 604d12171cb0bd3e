// The inline viewer of Export Objects: one recovered file as the back end previews it (an image,
// text, or why neither). The bytes are the sender's. An image is shown only as an <img> of a blob
// whose type is sniffed again here from its magic bytes (PNG, JPEG, GIF, BMP; never HTML or SVG),
// scaled down to fit; text only through CapturedText (hidden characters as markers), in a
// scrolling box. The blob URL is revoked when the viewer moves on.

import { useEffect, useState } from 'react';
import type { ObjectPreview } from '../../../shared/export-requests';
import { sniffImageType } from '../../../shared/image-type';
import { useActions } from '../../app/analyzer-context';
import { CapturedText } from '../../components/CapturedText';
import { formatSize } from '../../format/time-format';

function ImagePreview({ bytes }: { bytes: Uint8Array }) {
  const [url, setUrl] = useState<string | null>(null);
  const [natural, setNatural] = useState('');
  const mime = sniffImageType(bytes);
  useEffect(() => {
    if (!mime) return;
    const blobUrl = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime }));
    setUrl(blobUrl);
    return () => URL.revokeObjectURL(blobUrl);
  }, [bytes, mime]);
  if (!mime) return <div className="object-none">Not shown: the bytes are not a PNG, JPEG, GIF or BMP image.</div>;
  return (
    <figure className="object-image-frame">
      {url && <img className="object-image" data-testid="object-image" src={url} alt="Recovered image" onLoad={(e) => setNatural(`${e.currentTarget.naturalWidth} × ${e.currentTarget.naturalHeight} px`)} />}
      <figcaption className="menu-hint" data-testid="object-image-info">{mime}{natural ? ` · ${natural}` : ''}</figcaption>
    </figure>
  );
}

export function ObjectViewer({ index }: { index: number }) {
  const actions = useActions();
  const [preview, setPreview] = useState<{ index: number; value: ObjectPreview } | null>(null);
  useEffect(() => {
    let current = true;
    void actions.objectPreview(index).then((value) => {
      if (current && value) setPreview({ index, value });
    });
    return () => {
      current = false;
    };
  }, [actions, index]);
  const shown = preview?.index === index ? preview.value : null;
  return (
    <div className="object-viewer" data-testid="object-viewer" aria-busy={shown === null}>
      {shown === null && <div className="object-none">Loading…</div>}
      {shown?.kind === 'image' && <ImagePreview bytes={shown.bytes} />}
      {shown?.kind === 'text' && (
        <>
          <pre className="object-text" data-testid="object-text"><CapturedText text={shown.text} keep={'\r\n\t'} /></pre>
          {shown.truncated && <div className="menu-hint">Showing the first part only; the file is {formatSize(shown.size)}: save it to read all of it.</div>}
        </>
      )}
      {shown?.kind === 'none' && <div className="object-none" data-testid="object-none">Not shown: {shown.reason}.</div>}
    </div>
  );
}
