// Checks the shape of every request argument before a handler sees it: arguments come from a
// renderer (or, in browser mode, a WebSocket) and are not trusted to match the TypeScript types.
// Returns an error message, or null when the argument is acceptable.

import type { RequestChannel } from '../../shared/ipc-contract';
import { MAX_PAGE_ROWS, SORT_COLUMNS } from '../../shared/packet-page';

const MAX_PATHS = 64;
const MAX_PATH_LENGTH = 4096;
const MAX_EXPRESSION = 10_000;

type Check = (arg: unknown) => string | null;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPath = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= MAX_PATH_LENGTH && !v.includes('\0');
const optionalPath = (v: unknown) => v === undefined || v === null || isPath(v);
const noArg: Check = () => null;
const isSort = (v: unknown) => v === null || (isObject(v) && SORT_COLUMNS.includes(v.column as never) && typeof v.desc === 'boolean');

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
    isObject(a) && Number.isSafeInteger(a.start) && (a.start as number) >= 0 && Number.isSafeInteger(a.count) && (a.count as number) >= 0 && (a.count as number) <= MAX_PAGE_ROWS
      ? null
      : `expected { start: integer ≥ 0, count: 0–${MAX_PAGE_ROWS} }`,
  'frames:view': (a) =>
    isObject(a) && typeof a.filter === 'string' && a.filter.length <= MAX_EXPRESSION && isSort(a.sort) ? null : 'expected { filter: string, sort: { column, desc } | null }',
  'frames:position': (a) => (isObject(a) && Number.isSafeInteger(a.number) ? null : 'expected { number: integer }'),
  'capture:interfaces': noArg,
  'capture:check-filter': (a) =>
    isObject(a) && typeof a.device === 'string' && typeof a.filter === 'string' ? null : 'expected { device: string, filter: string }',
  'capture:start': (a) => {
    if (!isObject(a) || typeof a.device !== 'string' || a.device === '' || typeof a.filter !== 'string') {
      return 'expected { device: string, filter: string, ring? }';
    }
    const ring = a.ring;
    if (ring === undefined || ring === null) return null;
    return isObject(ring) && isPath(ring.directory) && Number.isFinite(ring.fileSizeMb) && (ring.fileSizeMb as number) > 0 &&
      Number.isSafeInteger(ring.files) && (ring.files as number) > 0
      ? null
      : 'expected ring { directory, fileSizeMb > 0, files ≥ 1 }';
  },
  'capture:stop': noArg,
  'capture:save': (a) => (isObject(a) && typeof a.msnpOnly === 'boolean' && optionalPath(a.path) ? null : 'expected { path?: string, msnpOnly: boolean }'),
  'file:export': (a) =>
    isObject(a) && (a.format === 'json' || a.format === 'csv') && optionalPath(a.path) ? null : "expected { format: 'json' | 'csv', path?: string }",
};

export function validateRequest(channel: string, arg: unknown): string | null {
  if (!Object.prototype.hasOwnProperty.call(CHECKS, channel)) return `unknown channel '${channel}'`;
  return CHECKS[channel as RequestChannel](arg);
}
