// The filters a person applied lately, newest first, kept in localStorage (the browser mode's and
// the Electron renderer's own storage) so the filter bar can offer them again after a reload.

const KEY = 'msnp-analyzer.recent-filters';
export const MAX_RECENT_FILTERS = 12;

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage disabled (a sandboxed or private window)
  }
}

export function recentFilters(): string[] {
  try {
    const parsed: unknown = JSON.parse(storage()?.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string').slice(0, MAX_RECENT_FILTERS) : [];
  } catch {
    return [];
  }
}

/** Records an applied filter at the front (once); blank filters are not worth remembering. */
export function rememberFilter(filter: string): string[] {
  const text = filter.trim();
  if (text === '') return recentFilters();
  const list = [text, ...recentFilters().filter((f) => f !== text)].slice(0, MAX_RECENT_FILTERS);
  storage()?.setItem(KEY, JSON.stringify(list));
  return list;
}
