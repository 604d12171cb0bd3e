// The flow graph as a PNG, drawn in the window: the back end's SVG of the arrows from the top of
// the view (at most MAX_PNG_ARROWS) is loaded as an image from a blob URL (the page's CSP allows
// blob: images; an SVG image runs no script and loads nothing) and painted onto a canvas.

import type { AnalyzerApi } from '../../../shared/ipc-contract';
import { MAX_PNG_ARROWS, type FlowScope, type FlowUnit } from '../../../shared/flow-graph';

function svgSize(svg: string): { width: number; height: number } {
  const m = /<svg[^>]*\bwidth="(\d+(?:\.\d+)?)"[^>]*\bheight="(\d+(?:\.\d+)?)"/.exec(svg);
  return { width: Math.ceil(Number(m?.[1] ?? 800)), height: Math.ceil(Number(m?.[2] ?? 600)) };
}

export async function flowPng(api: AnalyzerApi, scope: FlowScope, unit: FlowUnit, start: number): Promise<Uint8Array> {
  const svg = await api.request('flow:svg', { scope, unit, start, count: MAX_PNG_ARROWS });
  const { width, height } = svgSize(svg);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image(width, height);
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no canvas to draw on');
    context.drawImage(image, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('the picture could not be encoded as PNG');
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
}
