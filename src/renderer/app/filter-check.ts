// Checks the display filter as the user types, with the same compiler the back end uses, so the
// bar turns green or red (with the reason) before anything is sent.

import { compileFilter } from '../../shared/display-filter/compile-filter';
import type { FilterCheck } from '../store/filter-slice';

export function checkDisplayFilter(text: string): FilterCheck {
  if (text.trim() === '') return { status: 'empty' };
  try {
    const compiled = compileFilter(text);
    return compiled.ok ? { status: 'valid' } : { status: 'invalid', error: compiled.error, position: compiled.position };
  } catch (error) {
    return { status: 'invalid', error: error instanceof Error ? error.message : String(error) };
  }
}
