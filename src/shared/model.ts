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
  /** Switchboard: the frame of that connection's XFR or RNG whose cookie this one logged in with (absent when not linked). */
  handOffFrame?: number;
  /** Switchboard session this connection belongs to. */
  session?: number | null;
  commands: number;
  firstTime?: string;
  lastTime?: string;
  /** Set on a direct peer connection (role `peer`): what it carried and whom it joined. */
  peer?: PeerConnectionInfo;
}

/** How a direct connection was tied to an offered endpoint: its handshake nonce, its address, or both. */
export type EndpointMatch = 'nonce' | 'address' | 'nonce+address';

/** Frames and bytes (whole frames, as `tshark -qz conv,tcp` counts them) each way of a connection. */
export interface TrafficCounts {
  packets: { c2s: number; s2c: number };
  bytes: { c2s: number; s2c: number };
}

/** A direct P2P (or MSNFTP) connection between two clients. */
export interface PeerConnectionInfo extends TrafficCounts {
  protocol: 'p2p' | 'msnftp';
  /** P2P header version of its packets (null: no P2P packet seen, or MSNFTP). */
  p2pVersion: 1 | 2 | null;
  /** The handshake's nonce (the transport negotiation's `Nonce`), "{…}". */
  nonce: string | null;
  /** The accounts on each side: the connecting one and the listening one. */
  accounts: { client: string | null; server: string | null };
  /** What named them: the negotiation whose Nonce matched, the endpoint at its address, MSNSLP seen on the connection itself, or the invitation (MSNFTP). */
  accountsFrom: 'nonce' | 'address' | 'slp' | 'invitation' | null;
  /** The offered endpoint this connection used, and how it was matched. */
  endpoint: { address: string; port: number; frame: number; matchedBy: EndpointMatch } | null;
  /** Call-ID of the MSNSLP negotiation (or the invitation cookie) it belongs to. */
  callId: string | null;
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
  /** The transport negotiation's `Nonce`, which the direct connection's handshake repeats. */
  nonce?: string | null;
  /** Direct connections that used this endpoint, and how each was matched to it. */
  usedBy?: Array<{ connection: number; matchedBy: EndpointMatch }>;
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
  /** The frame of the last chunk seen (the transfer's end, for the session timeline). */
  lastFrame?: number;
  /** notification: MSNP21 SDG, relayed by the notification server. */
  via?: 'switchboard' | 'notification' | 'direct' | 'msnftp';
  session?: number | null;
  /** Where `--extract` wrote it. */
  extractedTo?: string;
  /** Why the name may lie about the content (a bidi control in it, an executable under another extension). */
  nameWarning?: string;
  /**
   * The receiver's confirmation that it has the whole file (`complete` only says every byte was
   * seen): its final P2P ACK (v1: ack data size = the file size; v2: an ACK after the last data)
   * or its MSNSLP BYE after the data; null when none was seen.
   */
  confirmed?: TransferConfirmation | null;
}

export interface TransferConfirmation {
  by: string | null;
  frame: number;
  time: string;
  how: 'ACK' | 'BYE';
}

/** Where an invitation stands: who answered it, how, and why. */
export interface TransferStep {
  by: string | null;
  frame: number;
  time: string;
  /** The MSNSLP status line ("603 Decline"), the BYE's body type, or the invitation's Cancel-Code. */
  reason: string | null;
}

/**
 * One invitation (legacy `text/x-msmsgsinvite` or MSNSLP, over the switchboard, the notification
 * server or a direct connection), whether or not data followed, and its fate:
 * offered → accepted / declined / cancelled / failed → bytes seen → completed (every byte seen)
 * and confirmed (the receiver's final ACK or BYE), or stalled (some bytes, then nothing more).
 */
export interface TransferRecord {
  frame: number;
  time: string;
  source: 'msmsgsinvite' | 'msnslp';
  /** Where the invitation travelled. */
  via: 'switchboard' | 'notification' | 'direct';
  kind: string;
  name: string | null;
  size: number | null;
  /** Who sends the data, and who receives it. */
  from: string | null;
  to: string | null;
  /** Switchboard session, when the invitation was sent in one. */
  session: number | null;
  /** The MSNSLP Call-ID or the Invitation-Cookie. */
  id: string;
  /** The MSNSLP SessionID its data carries. */
  sessionId: number | null;
  /** offered: no answer seen; accepted: accepted, no data seen; stalled: some data, not all; completed: every byte seen, no confirmation; confirmed: every byte seen and the receiver confirmed. */
  fate: 'offered' | 'accepted' | 'declined' | 'cancelled' | 'failed' | 'stalled' | 'completed' | 'confirmed';
  accepted: TransferStep | null;
  /** A 603 Decline, a CANCEL with REJECT, or another MSNSLP error status. */
  declined: TransferStep | null;
  /** A BYE or CANCEL that ended it before the receiver confirmed it (also after every byte arrived). */
  cancelled: TransferStep | null;
  /** Bytes of its data seen (each byte once). */
  received: number;
  complete: boolean;
  confirmed: TransferConfirmation | null;
  /** The data's first and last frames and the last one's time (null when no data was seen). */
  firstDataFrame: number | null;
  lastDataFrame: number | null;
  lastDataTime: string | null;
  /** How the data travelled. */
  dataVia: 'switchboard' | 'notification' | 'direct' | 'msnftp' | null;
  /** Index of the rebuilt file in `files`, when data was seen. */
  file: number | null;
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
  /** One per invitation, with its fate. */
  transfers: TransferRecord[];
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
