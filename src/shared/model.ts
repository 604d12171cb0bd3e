// The analysis result model: what the engine produces and every view, report and test consumes.
// Plain data only (no Node, Electron or DOM), so it crosses worker, IPC and JSON boundaries as is.
// The keys of AnalysisResult are the command-line analyzer's JSON contract (issue 2): change them
// only together with the README and the golden tests.

export type Role = 'dispatch' | 'notification' | 'switchboard' | 'peer' | 'unknown';
export type Severity = 'error' | 'warning' | 'note';
export type Direction = 'c2s' | 's2c';

export interface CaptureInfo {
  path: string;
  format: 'pcap' | 'pcapng';
  /** Frames read from this file (all of them, MSNP or not). */
  frames: number;
  gzip: boolean;
  /** Set when the file is truncated or corrupt: everything before `offset` was analysed. */
  damage?: { offset: number; message: string };
  /** Set when the user cancelled the load: frames up to the record at `offset` were analysed. */
  cancelled?: { afterFrames: number; offset: number };
}

export interface ConnectionRecord {
  id: number;
  /** "ip:port"; IPv6 as "[addr]:port". For HTTP-gateway connections, the HTTP client. */
  client: string;
  server: string;
  role: Role;
  /** "MSNP12" etc., from VER (or inferred from command shapes, see `versionSource`). */
  version: string | null;
  account: string | null;
  firstFrame: number;
  lastFrame: number;
  transport: 'tcp' | 'http-gateway';
  versionSource?: 'VER' | 'inferred';
  /** CVR: client name and version, e.g. "MSNMSGR 7.0.0816". */
  clientVersion?: string | null;
  /** USR auth method: MD5, TWN, SSO, SHA… */
  authMethod?: string | null;
  /** Switchboard: the notification connection that asked for it (XFR) or was invited (RNG). */
  notificationConnection?: number | null;
  /** Switchboard session this connection belongs to. */
  session?: number | null;
  commands: number;
  firstTime?: string;
  lastTime?: string;
}

export interface Participant {
  account: string;
  nick: string;
}

export interface TranscriptMessage {
  frame: number;
  /** ISO 8601 UTC with microseconds. */
  time: string;
  from: string;
  nick: string;
  text: string;
  /** X-MMS-IM-Format, decoded. */
  format?: { font?: string; effects?: string; color?: string; charset?: string };
  delivery?: 'ack' | 'nak' | 'none' | 'pending';
}

/** Everything a transcript shows besides chat text, in time order with the messages. */
export interface SessionEvent {
  frame: number;
  time: string;
  kind: 'join' | 'leave' | 'typing' | 'nudge' | 'wink' | 'action' | 'invitation' | 'file' | 'ringing' | 'roster' | 'message';
  account: string | null;
  nick?: string;
  detail?: string;
}

export interface SessionRecord {
  id: number;
  connections: number[];
  participants: Participant[];
  messages: TranscriptMessage[];
  typing: number;
  /** Switchboard session id from RNG/ANS, when seen. */
  sbSessionId?: string | null;
  startTime?: string;
  endTime?: string;
  events?: SessionEvent[];
}

export interface ContactRecord {
  account: string;
  nick: string;
  groups: string[];
  lists?: string[];
}

/** A notification connection that saw a presence change, and where. */
export interface PresenceObserver {
  connection: number;
  /** The account logged in on that connection, when known. */
  account: string | null;
  frame: number;
}

/**
 * One presence change (status, nick or personal message) of `account`, at its first sighting
 * (`frame`, `time`). The same change seen on several connections within a few seconds (the
 * user's own CHG, each contact's NLN/ILN for it) is one record with every observer in `seenBy`.
 */
export interface PresenceRecord {
  frame: number;
  time: string;
  account: string;
  status: string;
  nick?: string;
  personalMessage?: string;
  seenBy: PresenceObserver[];
}

/**
 * A message that did not travel over a switchboard: sent or received through the notification
 * server (UUM / UBM, MSNP14+: to an offline contact or another network), or an offline message
 * (OIM) the server stored, announced in a `text/x-msmsgsoimnotification` (or the login's
 * `…initialmdatanotification`) or seen in clear in the OIM SOAP service (Store2, GetMessage).
 */
export interface OfflineMessageRecord {
  frame: number;
  /** ISO 8601 UTC: when the capture saw it. */
  time: string;
  source: 'UUM' | 'UBM' | 'oim-notification' | 'oim-soap';
  from: string | null;
  nick?: string;
  to: string | null;
  /** null when the capture only announces the message (its text is fetched later, usually over HTTPS). */
  text: string | null;
  /** UUM/UBM network id: 1 Passport, 32 Yahoo!… */
  networkId?: number;
  /** When the server received it (an OIM's `RT` or `Date`), ISO 8601 as sent. */
  sentTime?: string;
  /** The OIM's id (`I` in the mail data, `messageId` in SOAP). */
  id?: string;
  /** MSNP connections that saw it (empty for SOAP over HTTP). */
  connections: number[];
}

export interface EndpointRecord {
  frame: number;
  /** file-transfer, voice, video, webcam, whiteboard, app-sharing, remote-assistance, display-picture, emoticon, media, unknown… */
  kind: string;
  transport: 'tcp' | 'udp';
  address: string;
  port: number;
  scope?: 'internal' | 'external' | 'unknown';
  offeredBy: string | null;
  offeredTo: string | null;
  /** offered, accepted, declined, cancelled… */
  status: string;
  source: 'msmsgsinvite' | 'msnslp';
  file: { name: string; size: number } | null;
  /** A TCP connection to (or UDP traffic with) this address and port appears later in the capture. */
  observed: boolean;
  session?: number | null;
  cookie?: string | null;
}

export interface FileRecord {
  frame: number;
  /** file-transfer, display-picture, emoticon, msnftp… */
  kind: string;
  name: string;
  size: number;
  sha1: string | null;
  from: string | null;
  to: string | null;
  complete: boolean;
  /** Bytes actually received (may be less than size). */
  received?: number;
  /** notification: MSNP21 SDG, relayed by the notification server. */
  via?: 'switchboard' | 'notification' | 'direct' | 'msnftp';
  session?: number | null;
  /** Where `--extract` wrote it. */
  extractedTo?: string;
  /** Why the name may lie about the content (a bidi control in it, an executable under another extension). */
  nameWarning?: string;
}

export interface ExpertRecord {
  frame: number;
  severity: Severity;
  message: string;
  connection?: number | null;
}

/**
 * Expert notes of one severity whose messages differ only in their variable parts (frame and byte
 * counts, addresses, identifiers), as Wireshark's Expert Information groups them.
 */
export interface ExpertGroup {
  severity: Severity;
  /** The message with its variable parts replaced: "N bytes missing from the client…". */
  summary: string;
  /** One of its messages as written (the first seen). */
  example: string;
  /** Every note of the group, also those past the per-group frame list and the note limit. */
  count: number;
  /** Frames of its first notes (at most EXPERT_GROUP_FRAMES, in the order seen; 0 = no frame). */
  frames: number[];
}

export interface AnalysisResult {
  captures: CaptureInfo[];
  frames: number;
  commandCounts: Record<string, number>;
  connections: ConnectionRecord[];
  sessions: SessionRecord[];
  contacts: ContactRecord[];
  presence: PresenceRecord[];
  offlineMessages: OfflineMessageRecord[];
  endpoints: EndpointRecord[];
  files: FileRecord[];
  expert: ExpertRecord[];
  /** The expert notes grouped, in the order each group was first seen (the window shows these). */
  expertGroups: ExpertGroup[];
}

// ---- Per-frame views (packet list, command tree) ----

export type FrameKind = 'chat' | 'presence' | 'error' | 'p2p' | 'msnp' | 'tcp' | 'other';

/** One row of the packet list. Kept small: a capture may have millions. */
export interface FrameRow {
  number: number;
  /** Microseconds since the Unix epoch. */
  timeUs: number;
  source: string;
  destination: string;
  protocol: string;
  length: number;
  info: string;
  kind: FrameKind;
  /** tcp.stream (0-based, Wireshark-like), or -1. */
  stream: number;
  /** Connection id when the frame belongs to an MSNP connection. */
  connection?: number;
  /** Marked by the user (Ctrl+M); a time reference (Ctrl+T). */
  marked?: boolean;
  timeReference?: boolean;
  /** µs since the time reference in force, the previous captured and the previous displayed frame (the back end's row page). */
  relativeUs?: number;
  deltaUs?: number;
  deltaDisplayedUs?: number;
}

/** A node of the command tree. `range` is [offset, length] into the frame's bytes. */
export interface TreeNode {
  label: string;
  range?: [number, number];
  /** The display-filter field this node shows, when the filter language has one (Apply as Filter, the status bar). */
  field?: TreeField;
  children?: TreeNode[];
  severity?: Severity;
  /** A frame this node refers to (a request's response, a reply's request): Go to linked frame. */
  linkedFrame?: number;
}

/** A display-filter field name (src/shared/display-filter/filter-fields.ts) and this node's value of it. */
export interface TreeField {
  name: string;
  value: string | number;
}

export interface FrameDetail {
  number: number;
  tree: TreeNode[];
  /** Frame bytes as captured. */
  bytes: Uint8Array;
}
