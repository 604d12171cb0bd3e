// Browser mode: hands a file the back end wrote into its output directory (a save or an export)
// to the user as a download, through the server's download route. The access token travels in
// the page's HttpOnly cookie, not in the URL, so it stays out of the browser's download list.

import { DOWNLOAD_PATH } from '../../shared/ws-protocol';

/** The last component of a back-end path (POSIX or Windows separators). */
export function outputName(path: string): string {
  return path.split(/[\\/]/).pop() ?? '';
}

export function downloadUrl(path: string): string {
  return `${DOWNLOAD_PATH}?name=${encodeURIComponent(outputName(path))}`;
}

export function downloadOutput(path: string, doc: Document = document): void {
  const link = doc.createElement('a');
  link.href = downloadUrl(path);
  link.download = outputName(path);
  link.rel = 'noopener';
  link.hidden = true;
  doc.body.appendChild(link);
  link.click();
  link.remove();
}
