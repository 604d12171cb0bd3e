// GET /api/download?name=…: hands a file the back end wrote into its output directory (a save or
// an export the browser asked for; no request names a path) to the browser as an attachment. Only names
// the back end itself recorded are served, and only while they still resolve to a regular file
// inside that directory; the name in Content-Disposition is reduced to safe characters, with the
// exact name in RFC 6266/5987 form beside it.

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { basename } from 'node:path';
import type { AnalyzerBackend } from '../backend/analyzer-backend';
import { resolveInside } from './static-files';

const CONTENT_TYPES: Record<string, string> = {
  pcapng: 'application/vnd.tcpdump.pcap',
  json: 'application/json',
  csv: 'text/csv; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  zip: 'application/zip',
  // Not text/html: an exported transcript (or a recovered file named .html) is a download, never a page of this origin.
  html: 'application/octet-stream',
};

/** `attachment; filename="…"; filename*=UTF-8''…` with no quote, backslash, control or non-ASCII byte in the plain form. */
export function attachmentDisposition(name: string): string {
  const plain = name.replace(/[^\w.@+()-]/g, '_').replace(/^\.+/, '') || 'download';
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${plain}"; filename*=UTF-8''${encoded}`;
}

/** The output file `name` stands for, or null: not one the back end wrote, or no longer a file inside its directory. */
export async function resolveDownload(backend: AnalyzerBackend, name: string | null): Promise<string | null> {
  if (!name) return null;
  const path = backend.outputFile(name);
  return path ? resolveInside(backend.outputDir, basename(path)) : null;
}

export async function sendDownload(res: ServerResponse, file: string, headers: Record<string, string>): Promise<void> {
  const { size } = await stat(file);
  const name = basename(file);
  const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  res.writeHead(200, {
    ...headers,
    'Content-Type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
    'Content-Length': String(size),
    'Content-Disposition': attachmentDisposition(name),
  });
  createReadStream(file).on('error', () => res.destroy()).pipe(res);
}
