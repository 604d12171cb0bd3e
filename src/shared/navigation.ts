// What the renderer asks of the back end to move through the packet list without holding it:
// neighbours (next/previous packet, in the conversation, marked), Find Packet, marks and time
// references. Frames are named by number; answers give the frame and its display position.

export type NeighbourKind = 'packet' | 'conversation' | 'marked';
export type Direction = 'next' | 'previous';

export interface NeighbourRequest {
  kind: NeighbourKind;
  direction: Direction;
  /** The frame to move from (the selection); 0 for none (from the top, or the bottom going back). */
  from: number;
}

/** null: there is none (the end of the list, or no frame of that kind is displayed). */
export type NeighbourAnswer = { number: number; position: number; wrapped: boolean } | null;

/** Find Packet's modes, as in Wireshark's find bar. */
export type FindMode = 'filter' | 'string' | 'hex' | 'regex';
export const FIND_MODES: readonly FindMode[] = ['filter', 'string', 'hex', 'regex'];
/** Where a string or regex is looked for: the packet list's columns, the packet details (tree), the bytes. */
export type FindScope = 'list' | 'details' | 'bytes';
export const FIND_SCOPES: readonly FindScope[] = ['list', 'details', 'bytes'];
/** How a string is looked for in bytes: UTF-8 ("narrow"), UTF-16 little-endian ("wide"), either. */
export type FindEncoding = 'narrow' | 'wide' | 'both';
export const FIND_ENCODINGS: readonly FindEncoding[] = ['narrow', 'wide', 'both'];

export interface FindQuery {
  mode: FindMode;
  text: string;
  scope: FindScope;
  caseSensitive: boolean;
  encoding: FindEncoding;
}

export interface FindRequest extends FindQuery {
  direction: Direction;
  /** Start after (or before) this frame; 0 for none. */
  from: number;
}

/** Longest search text accepted. */
export const MAX_FIND_TEXT = 1000;

export type FindAnswer =
  | { found: true; number: number; position: number; wrapped: boolean }
  /** Searched every displayed frame, or stopped (cancelled, replaced by a newer search, or over its time bound) after `searched`. */
  | { found: false; searched: number; stopped: 'no' | 'cancelled' | 'time-limit' }
  | { error: string };

export type MarkRequest = { op: 'toggle'; number: number } | { op: 'mark-displayed' } | { op: 'unmark-all' };
export type TimeReferenceRequest = { op: 'toggle'; number: number } | { op: 'clear' };
