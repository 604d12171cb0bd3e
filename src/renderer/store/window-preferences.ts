// What the window remembers between sessions (columns, pane sizes, side panel, theme, filter
// buttons, the Time Display Format and precision) as one plain object, and how a stored one is read back: each part is checked on its
// own (another version, or a person, may have written it), and a part that does not pass is left
// at its default rather than failing the rest.

import { checkColumns } from '../features/packet-list/column-layout';
import type { AnalyzerData } from './analyzer-state';
import { THEME_CHOICES, type FilterButton, type PreferencesData, type SidePanelPrefs, type ThemeChoice } from './preferences-slice';
import { resizeLayout, type PaneLayout } from './ui-slice';
import { isTimeFormat, isTimePrecision, type TimeFormat, type TimePrecision } from '../../shared/time-formats';

export interface WindowPreferences {
  version: 1;
  columns: PreferencesData['columns'];
  panes: PaneLayout;
  sidePanel: SidePanelPrefs;
  theme: ThemeChoice;
  filterButtons: FilterButton[];
  /** Absent in what an older version stored. */
  timeFormat?: TimeFormat;
  timePrecision?: TimePrecision;
}

export const MAX_FILTER_BUTTONS = 40;
export const MAX_BUTTON_LABEL = 40;
export const MAX_BUTTON_EXPRESSION = 2000;

type Remembered = Pick<AnalyzerData, 'columns' | 'layout' | 'sidePanel' | 'theme' | 'filterButtons' | 'timeFormat' | 'timePrecision'>;

export function preferencesOf(state: Remembered): WindowPreferences {
  return { version: 1, columns: state.columns, panes: state.layout, sidePanel: state.sidePanel, theme: state.theme, filterButtons: state.filterButtons, timeFormat: state.timeFormat, timePrecision: state.timePrecision };
}

/** True when a change of state touches what is remembered (the store's parts are replaced, never mutated). */
export function rememberedChanged(a: Remembered, b: Remembered): boolean {
  return a.columns !== b.columns || a.layout !== b.layout || a.sidePanel !== b.sidePanel || a.theme !== b.theme || a.filterButtons !== b.filterButtons ||
    a.timeFormat !== b.timeFormat || a.timePrecision !== b.timePrecision;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isFraction = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function checkPanes(v: unknown, current: PaneLayout): PaneLayout | null {
  if (!isObject(v)) return null;
  const pick = (key: keyof PaneLayout): number => (isFraction(v[key]) ? (v[key] as number) : current[key]);
  return resizeLayout(current, { listFraction: pick('listFraction'), treeFraction: pick('treeFraction'), sideWidth: pick('sideWidth'), sideHeight: pick('sideHeight') });
}

function checkSidePanel(v: unknown): SidePanelPrefs | null {
  if (!isObject(v)) return null;
  return { collapsed: v.collapsed === true, placement: v.placement === 'bottom' ? 'bottom' : 'side' };
}

/** A filter button as the user may save it: a label and an expression within bounds. */
export function checkFilterButton(v: unknown): FilterButton | null {
  if (!isObject(v) || typeof v.label !== 'string' || typeof v.expression !== 'string') return null;
  const label = v.label.trim();
  const expression = v.expression.trim();
  if (!label || label.length > MAX_BUTTON_LABEL || !expression || expression.length > MAX_BUTTON_EXPRESSION) return null;
  return { label, expression };
}

function checkFilterButtons(v: unknown): FilterButton[] | null {
  if (!Array.isArray(v)) return null;
  return v.slice(0, MAX_FILTER_BUTTONS).map(checkFilterButton).filter((b): b is FilterButton => b !== null);
}

/** The store fields a stored object restores; the parts it lacks or gets wrong are left out. */
export function restoredPreferences(value: unknown, current: Remembered): Partial<Remembered> {
  if (!isObject(value)) return {};
  const out: Partial<Remembered> = {};
  const columns = checkColumns(value.columns);
  if (columns) out.columns = columns;
  const panes = checkPanes(value.panes, current.layout);
  if (panes) out.layout = panes;
  const side = checkSidePanel(value.sidePanel);
  if (side) out.sidePanel = side;
  if (THEME_CHOICES.includes(value.theme as ThemeChoice)) out.theme = value.theme as ThemeChoice;
  const buttons = checkFilterButtons(value.filterButtons);
  if (buttons) out.filterButtons = buttons;
  if (isTimeFormat(value.timeFormat)) out.timeFormat = value.timeFormat;
  if (isTimePrecision(value.timePrecision)) out.timePrecision = value.timePrecision;
  return out;
}
