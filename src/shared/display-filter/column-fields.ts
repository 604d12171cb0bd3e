// Custom packet-list columns ("Apply as Column"): a column shows one display-filter field, with
// its values read by the back end from the same field table the filter uses, for the rows of a
// page only. Text as tshark's `-T fields` prints it: several values joined by ",", flags in hex.

import { lookupField, type FieldDef, type FieldValue } from './filter-fields';
import type { FrameFields } from './frame-fields';

/** At most this many custom columns (each costs a field read per row of a page). */
export const MAX_CUSTOM_COLUMNS = 16;

/** Fields printed in hex by Wireshark (a flags word reads better as 0x0018 than 24). */
const HEX_FIELDS: Readonly<Record<string, number>> = { 'tcp.flags': 4 };
/** Seconds, printed to the nanosecond as tshark does (our times are whole microseconds). */
const SECONDS_FIELDS: ReadonlySet<string> = new Set(['frame.time_epoch', 'frame.time_relative', 'frame.time_delta']);

/**
 * The field `name` when it can be a column: a field with values. Protocol names (`tcp`) and byte
 * fields (`tcp.payload`) are not — their values are presence or bytes the page does not read.
 */
export function columnField(name: string): FieldDef | null {
  const def = lookupField(name);
  return def && def.type !== 'protocol' && def.type !== 'bytes' ? def : null;
}

function valueText(name: string, type: FieldDef['type'], value: FieldValue): string {
  if (typeof value === 'number') {
    const digits = HEX_FIELDS[name];
    if (digits !== undefined) return `0x${value.toString(16).padStart(digits, '0')}`;
    if (SECONDS_FIELDS.has(name)) return value.toFixed(9);
    // time fields carry µs since the epoch
    if (type === 'time') return new Date(value / 1000).toISOString().replace('T', ' ').replace('Z', ' UTC');
    return Number.isInteger(value) ? String(value) : value.toFixed(6);
  }
  return typeof value === 'string' ? value : '';
}

/** The column text of field `def` in one frame ('' when absent). */
export function columnText(def: FieldDef, fields: FrameFields): string {
  const values = def.values(fields);
  if (!values || values.length === 0) return '';
  return values.map((v) => valueText(def.name, def.type, v)).join(',');
}
