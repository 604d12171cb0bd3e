// Checks the shape of every request argument before a handler sees it: arguments come from a
// renderer (or, in browser mode, a WebSocket) and are not trusted to match the TypeScript types.
// Returns an error message, or null when the argument is acceptable. Requests that make the back
// end write a file take no path from the other side: their arguments may carry only the keys
// the contract names, so a `path` or a ring `directory` is refused, not ignored.

import { MAX_RANGE_TEXT } from './frame-selection';
import { columnField, MAX_CUSTOM_COLUMNS } from '../../shared/display-filter/column-fields';
import { FOLLOW_LIMIT_BYTES } from '../../shared/followed-stream';
import { RING_LIMITS, type RequestChannel } from '../../shared/ipc-contract';
import { MAX_PAGE_ROWS, SORT_COLUMNS } from '../../shared/packet-page';
import { STATS_KINDS } from '../../shared/statistics';
import { FIND_ENCODINGS, FIND_MODES, FIND_SCOPES, MAX_FIND_TEXT } from '../../shared/navigation';
import { IO_METRICS, MAX_IO_LINES } from '../../shared/io-graph';
import { TIMELINE_GROUPINGS } from '../../shared/timeline';
import { DISSECTION_FORMATS, TRANSCRIPT_FORMATS } from '../../shared/export-requests';
import { isFlowScope, MAX_FLOW_PAGE, MAX_PNG_ARROWS, MAX_PNG_BYTES } from '../../shared/flow-graph';

const MAX_PATHS = 64;
const MAX_PATH_LENGTH = 4096;
const MAX_EXPRESSION = 10_000;
/** A day: longer intervals than any capture needs. */
const MAX_IO_INTERVAL_US = 86_400e6;

type Check = (arg: unknown) => string | null;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPath = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= MAX_PATH_LENGTH && !v.includes('\0');
/** True when `v` has no key besides `keys` (an extra key, such as a path, is a refusal). */
const onlyKeys = (v: Record<string, unknown>, keys: readonly string[]) => Object.keys(v).every((k) => keys.includes(k));
const NO_PATH = '(no path: the back end chooses where to write)';
const within = (v: unknown, min: number, max: number) => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max;
const noArg: Check = () => null;
const isFrameOrNone = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0;
const isDirection = (v: unknown) => v === 'next' || v === 'previous';
const isFrame = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 1;
/** Custom-column fields: a short list of names the field table can show as a column. */
const isColumnFields = (v: unknown) =>
  v === undefined || (Array.isArray(v) && v.length <= MAX_CUSTOM_COLUMNS && v.every((f) => typeof f === 'string' && columnField(f) !== null));
const isSort = (v: unknown) => v === null || (isObject(v) && SORT_COLUMNS.includes(v.column as never) && typeof v.desc === 'boolean');

const isIndex = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0;
const isFlowUnit = (v: unknown) => v === 'command' || v === 'segment';
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const isPng = (v: unknown) => v instanceof Uint8Array && v.length > PNG_SIGNATURE.length && v.length <= MAX_PNG_BYTES && PNG_SIGNATURE.every((b, i) => v[i] === b);

const CHECKS: Record<RequestChannel, Check> = {
  'file:open': (a) =>
    isObject(a) && Array.isArray(a.paths) && a.paths.length > 0 && a.paths.length <= MAX_PATHS && a.paths.every(isPath)
      ? null
      : `expected { paths: [1–${MAX_PATHS} file paths] }`,
  'file:close': noArg,
  'file:recent': noArg,
  'file:sample': noArg,
  'analysis:cancel': noArg,
  'frames:detail': (a) => (isObject(a) && Number.isSafeInteger(a.number) ? null : 'expected { number: integer }'),
  'frames:rows': (a) =>
    isObject(a) && onlyKeys(a, ['start', 'count', 'fields']) && Number.isSafeInteger(a.start) && (a.start as number) >= 0 &&
    Number.isSafeInteger(a.count) && (a.count as number) >= 0 && (a.count as number) <= MAX_PAGE_ROWS && isColumnFields(a.fields)
      ? null
      : `expected { start: integer ≥ 0, count: 0–${MAX_PAGE_ROWS}, fields?: [0–${MAX_CUSTOM_COLUMNS} column field names] }`,
  'frames:view': (a) =>
    isObject(a) && typeof a.filter === 'string' && a.filter.length <= MAX_EXPRESSION && isSort(a.sort) ? null : 'expected { filter: string, sort: { column, desc } | null }',
  'frames:position': (a) => (isObject(a) && Number.isSafeInteger(a.number) ? null : 'expected { number: integer }'),
  'frames:neighbour': (a) =>
    isObject(a) && onlyKeys(a, ['kind', 'direction', 'from']) && ['packet', 'conversation', 'marked'].includes(a.kind as string) && isDirection(a.direction) && isFrameOrNone(a.from)
      ? null
      : "expected { kind: 'packet' | 'conversation' | 'marked', direction: 'next' | 'previous', from: frame number or 0 }",
  'frames:find': (a) =>
    isObject(a) && onlyKeys(a, ['mode', 'text', 'scope', 'caseSensitive', 'encoding', 'direction', 'from']) && FIND_MODES.includes(a.mode as never) &&
    typeof a.text === 'string' && a.text.length <= MAX_FIND_TEXT && FIND_SCOPES.includes(a.scope as never) && typeof a.caseSensitive === 'boolean' &&
    FIND_ENCODINGS.includes(a.encoding as never) && isDirection(a.direction) && isFrameOrNone(a.from)
      ? null
      : `expected { mode, text (at most ${MAX_FIND_TEXT} characters), scope, caseSensitive, encoding, direction, from }`,
  'frames:find-cancel': noArg,
  'frames:mark': (a) =>
    isObject(a) && ((a.op === 'toggle' && onlyKeys(a, ['op', 'number']) && isFrame(a.number)) || ((a.op === 'mark-displayed' || a.op === 'unmark-all') && onlyKeys(a, ['op'])))
      ? null
      : "expected { op: 'toggle', number } | { op: 'mark-displayed' | 'unmark-all' }",
  'frames:time-reference': (a) =>
    isObject(a) && ((a.op === 'toggle' && onlyKeys(a, ['op', 'number']) && isFrame(a.number)) || (a.op === 'clear' && onlyKeys(a, ['op'])))
      ? null
      : "expected { op: 'toggle', number } | { op: 'clear' }",
  'stats:get': (a) =>
    isObject(a) && onlyKeys(a, ['kind']) && STATS_KINDS.includes(a.kind as never) ? null : `expected { kind: ${STATS_KINDS.map((k) => `'${k}'`).join(' | ')} }`,
  'stats:io-graph': (a) =>
    isObject(a) && onlyKeys(a, ['intervalUs', 'lines']) && (a.intervalUs === null || (Number.isSafeInteger(a.intervalUs) && within(a.intervalUs, 1, MAX_IO_INTERVAL_US))) &&
    Array.isArray(a.lines) && a.lines.length <= MAX_IO_LINES &&
    a.lines.every((l) => isObject(l) && onlyKeys(l, ['metric', 'filter']) && IO_METRICS.includes(l.metric as never) && typeof l.filter === 'string' && l.filter.length <= MAX_EXPRESSION)
      ? null
      : `expected { intervalUs: 1–${MAX_IO_INTERVAL_US} | null, lines: [at most ${MAX_IO_LINES} { metric: ${IO_METRICS.join(' | ')}, filter: string }] }`,
  'stats:timeline': (a) =>
    isObject(a) && onlyKeys(a, ['grouping']) && TIMELINE_GROUPINGS.includes(a.grouping as never) ? null : `expected { grouping: ${TIMELINE_GROUPINGS.map((g) => `'${g}'`).join(' | ')} }`,
  'stream:follow': (a) =>
    isObject(a) && onlyKeys(a, ['stream', 'limitBytes']) && Number.isSafeInteger(a.stream) && (a.stream as number) >= 0 &&
    (a.limitBytes === undefined || (Number.isSafeInteger(a.limitBytes) && within(a.limitBytes, 1, FOLLOW_LIMIT_BYTES)))
      ? null
      : `expected { stream: integer ≥ 0, limitBytes?: 1–${FOLLOW_LIMIT_BYTES} }`,
  'flow:get': (a) =>
    isObject(a) && onlyKeys(a, ['scope', 'unit', 'start', 'count', 'find']) && isFlowScope(a.scope) && isFlowUnit(a.unit) && isIndex(a.start) &&
    isIndex(a.count) && (a.count as number) <= MAX_FLOW_PAGE && (a.find === undefined || isIndex(a.find))
      ? null
      : `expected { scope, unit: 'command' | 'segment', start: integer ≥ 0, count: 0–${MAX_FLOW_PAGE}, find?: frame }`,
  'flow:svg': (a) =>
    isObject(a) && onlyKeys(a, ['scope', 'unit', 'start', 'count']) && isFlowScope(a.scope) && isFlowUnit(a.unit) && isIndex(a.start) &&
    isIndex(a.count) && (a.count as number) <= MAX_PNG_ARROWS
      ? null
      : `expected { scope, unit, start: integer ≥ 0, count: 0–${MAX_PNG_ARROWS} }`,
  'flow:export': (a) => {
    if (isObject(a) && a.format === 'svg' && onlyKeys(a, ['format', 'scope', 'unit']) && isFlowScope(a.scope) && isFlowUnit(a.unit)) return null;
    if (isObject(a) && a.format === 'png' && onlyKeys(a, ['format', 'png']) && isPng(a.png)) return null;
    return `expected { format: 'svg', scope, unit } or { format: 'png', png: PNG bytes (at most ${MAX_PNG_BYTES}) } ${NO_PATH}`;
  },
  'capture:interfaces': noArg,
  'capture:check-filter': (a) =>
    isObject(a) && typeof a.device === 'string' && typeof a.filter === 'string' ? null : 'expected { device: string, filter: string }',
  'capture:start': (a) => {
    if (!isObject(a) || !onlyKeys(a, ['device', 'filter', 'ring']) || typeof a.device !== 'string' || a.device === '' || typeof a.filter !== 'string') {
      return 'expected { device: string, filter: string, ring? }';
    }
    const ring = a.ring;
    if (ring === undefined || ring === null) return null;
    const { minFiles, maxFiles, minFileSizeMb, maxFileSizeMb } = RING_LIMITS;
    return isObject(ring) && onlyKeys(ring, ['fileSizeMb', 'files']) && within(ring.fileSizeMb, minFileSizeMb, maxFileSizeMb) &&
      Number.isSafeInteger(ring.files) && within(ring.files, minFiles, maxFiles)
      ? null
      : `expected ring { fileSizeMb: ${minFileSizeMb}–${maxFileSizeMb}, files: ${minFiles}–${maxFiles} } ${NO_PATH}`;
  },
  'capture:stop': noArg,
  'capture:save': (a) =>
    isObject(a) && onlyKeys(a, ['msnpOnly', 'displayedOnly', 'markedOnly', 'range', 'format']) && typeof a.msnpOnly === 'boolean' &&
    (a.displayedOnly === undefined || typeof a.displayedOnly === 'boolean') && (a.markedOnly === undefined || typeof a.markedOnly === 'boolean') &&
    (a.range === undefined || (typeof a.range === 'string' && a.range.length <= MAX_RANGE_TEXT)) &&
    (a.format === undefined || a.format === 'pcapng' || a.format === 'pcap')
      ? null
      : `expected { msnpOnly: boolean, displayedOnly?: boolean, markedOnly?: boolean, range?: string, format?: 'pcapng' | 'pcap' } ${NO_PATH}`,
  'prefs:load': noArg,
  'prefs:save': (a) => (isObject(a) && onlyKeys(a, ['preferences']) && isObject(a.preferences) ? null : 'expected { preferences: object }'),
  'file:export': (a) =>
    isObject(a) && onlyKeys(a, ['format']) && (a.format === 'json' || a.format === 'csv') ? null : `expected { format: 'json' | 'csv' } ${NO_PATH}`,
  'export:dissections': (a) =>
    isObject(a) && onlyKeys(a, ['format', 'displayedOnly', 'range', 'time']) && DISSECTION_FORMATS.includes(a.format as never) &&
    (a.displayedOnly === undefined || typeof a.displayedOnly === 'boolean') &&
    (a.range === undefined || (typeof a.range === 'string' && a.range.length <= MAX_RANGE_TEXT)) &&
    (a.time === undefined || a.time === 'relative' || a.time === 'absolute')
      ? null
      : `expected { format: 'csv' | 'text' | 'json', displayedOnly?: boolean, range?: string, time?: 'relative' | 'absolute' } ${NO_PATH}`,
  'export:objects': (a) =>
    isObject(a) && onlyKeys(a, ['index']) && (a.index === undefined || (Number.isSafeInteger(a.index) && (a.index as number) >= 0))
      ? null
      : `expected { index?: integer ≥ 0 } ${NO_PATH}`,
  'objects:preview': (a) => (isObject(a) && onlyKeys(a, ['index']) && Number.isSafeInteger(a.index) && (a.index as number) >= 0 ? null : 'expected { index: integer ≥ 0 }'),
  'export:transcript': (a) =>
    isObject(a) && onlyKeys(a, ['session', 'format']) && Number.isSafeInteger(a.session) && TRANSCRIPT_FORMATS.includes(a.format as never)
      ? null
      : `expected { session: integer, format: 'text' | 'html' | 'json' } ${NO_PATH}`,
};

export function validateRequest(channel: string, arg: unknown): string | null {
  if (!Object.prototype.hasOwnProperty.call(CHECKS, channel)) return `unknown channel '${channel}'`;
  return CHECKS[channel as RequestChannel](arg);
}
