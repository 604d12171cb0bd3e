// Field-name completion for the filter bar, from the same field table the language compiles with:
// the word being typed at the end of the expression is completed to every field (and function)
// that starts with it, each offered as the whole expression so a datalist can show it.

import { FIELDS } from './filter-fields';

const FUNCTION_NAMES = ['lower(', 'upper(', 'len(', 'count('];
/** After a field, what people type next. */
const OPERATORS_AFTER_FIELD = ['==', '!=', 'contains', 'matches', 'in {', '>', '<'];
export const MAX_COMPLETIONS = 40;

export interface FilterCompletion {
  /** The whole expression with the completion applied. */
  value: string;
  /** What was completed (a field name, a function or an operator), for the label. */
  label: string;
  description?: string;
}

/** Completions for `text` with the caret at its end (the filter bar completes what is typed last). */
export function filterCompletions(text: string): FilterCompletion[] {
  // Inside a string literal there is nothing to complete.
  if ((text.replace(/\\./g, '').match(/"/g)?.length ?? 0) % 2 === 1) return [];
  const match = /[A-Za-z_][\w.]*$/.exec(text);
  if (!match) return [];
  const word = match[0].toLowerCase();
  const head = text.slice(0, match.index);
  const out: FilterCompletion[] = [];
  const exact = FIELDS.find((f) => f.name === word);
  if (exact && text.endsWith(match[0])) {
    // A complete field name: offer its children (tcp → tcp.port…) and the operators.
    for (const f of FIELDS) if (f.name.startsWith(`${word}.`)) out.push({ value: head + f.name, label: f.name, description: f.description });
    if (exact.type !== 'protocol') for (const op of OPERATORS_AFTER_FIELD) out.push({ value: `${text} ${op} `, label: op });
    return out.slice(0, MAX_COMPLETIONS);
  }
  for (const f of FIELDS) {
    if (f.name.startsWith(word) && f.name !== word) out.push({ value: head + f.name, label: f.name, description: f.description });
  }
  for (const fn of FUNCTION_NAMES) if (fn.startsWith(word)) out.push({ value: head + fn, label: fn });
  return out.slice(0, MAX_COMPLETIONS);
}
