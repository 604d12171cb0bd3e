// Messages for the window name files by their base name only: the directory of an upload or of a
// temporary file says nothing to the user and is nobody's business in a shared screen.

import { basename } from 'node:path';

/** `message` with every occurrence of each of `paths` written as its base name. */
export function withBaseNames(message: string, paths: readonly string[]): string {
  let text = message;
  // Longest first, so a path that extends another is replaced whole.
  for (const path of [...paths].sort((a, b) => b.length - a.length)) {
    if (path && path !== basename(path)) text = text.split(path).join(basename(path));
  }
  return text;
}
