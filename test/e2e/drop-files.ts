// Synthetic drag-and-drop for the end-to-end tests: builds a DataTransfer in the page from file
// bytes and dispatches dragenter/dragover (the overlay shows) and then drop on the window.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Page } from 'playwright-core';

export interface DroppedFile {
  name: string;
  bytes: Uint8Array;
}

export const fileFrom = (path: string, name = basename(path)): DroppedFile => ({ name, bytes: readFileSync(path) });

/** Starts dragging the files over the window (dragenter + dragover). */
export async function dragFilesOver(page: Page, files: DroppedFile[]): Promise<void> {
  const list = files.map((f) => ({ name: f.name, b64: Buffer.from(f.bytes).toString('base64') }));
  await page.evaluate((items) => {
    const dt = new DataTransfer();
    for (const f of items) dt.items.add(new File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name));
    (window as unknown as { __drag: DataTransfer }).__drag = dt;
    for (const type of ['dragenter', 'dragover']) document.body.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, list);
}

/** Drops what dragFilesOver started dragging. */
export async function dropDragged(page: Page): Promise<void> {
  await page.evaluate(() => {
    const dt = (window as unknown as { __drag: DataTransfer }).__drag;
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
}

export async function dropFiles(page: Page, files: DroppedFile[]): Promise<void> {
  await dragFilesOver(page, files);
  await dropDragged(page);
}
