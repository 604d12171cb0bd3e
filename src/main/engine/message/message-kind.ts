// Classifies a message by Content-Type (and, for MSNP21 SDG messages, by the inner Messaging
// block) and extracts what each kind carries: chat text, typing user, datacast id and data,
// emoticon shortcuts, e-mail counts, profile fields (MSPAuth is a secret: named, never shown).
// Spec: PROTOCOL.md "Messages"; hypothetic.org MSNP "Messages", msnpiki "Datacast" (IDs 1–4).

import type { MimeMessage } from './mime-message';
import { decodeChatText } from './chat-text';
import { decoderLabelForCharsetCode, parseImFormat, type ImFormat } from './im-format';
import { parseFieldLines } from './parse-mime-message';
import { parseSdgMessage, sdgAccount, type SdgMessage } from './sdg-message';
import { SDG_SIGNALS } from './sdg-message-types';

export type Fields = Array<[string, string]>;

export type MessageKind =
  | { kind: 'text'; text: string; encoding: string; format: ImFormat | null; note?: string }
  | { kind: 'typing'; user: string | null }
  | { kind: 'nudge' | 'wink' | 'voice-clip' | 'action' | 'datacast'; id: number | null; data: string | null }
  | { kind: 'emoticon'; animated: boolean; emoticons: Array<{ shortcut: string; object: string }> }
  | { kind: 'clientcaps'; fields: Fields }
  | { kind: 'keepalive' }
  | { kind: 'profile'; fields: Fields; secretFields: string[]; clientIp: string | null; clientPort: number | null }
  | { kind: 'email-initial'; inboxUnread: number | null; foldersUnread: number | null; fields: Fields }
  | { kind: 'email-new'; from: string | null; fromAddress: string | null; subject: string | null; folder: string | null; fields: Fields }
  | { kind: 'email-activity'; sourceFolder: string | null; destinationFolder: string | null; delta: number | null; fields: Fields }
  | { kind: 'email-data'; mailData: string | null; fields: Fields }
  | { kind: 'invite'; command: string | null; cookie: string | null; fields: Fields }
  | { kind: 'p2p'; dest: string | null; src: string | null }
  /** MSNSLP text carried directly (SDG Message-Type Signal/P2P), without a binary P2P header. */
  | { kind: 'slp' }
  /** An SDG control signal (sdg-message-types.ts): shown in the tree, not in transcripts. */
  | { kind: 'signal'; messageType: string; meaning: string }
  | { kind: 'sdg'; sdg: SdgMessage; from: string | null; to: string | null; inner: MessageKind }
  /** messageType: an SDG Message-Type this analyzer does not know. */
  | { kind: 'unknown'; contentType: string; messageType?: string };

/** Profile fields that are credentials: their values must never reach a view or report. */
export const SECRET_PROFILE_FIELDS = new Set(['mspauth', 'mspprof', 'sid']);

const DATACAST_KINDS: Record<number, 'nudge' | 'wink' | 'voice-clip' | 'action'> = { 1: 'nudge', 2: 'wink', 3: 'voice-clip', 4: 'action' };

const utf8 = new TextDecoder('utf-8');

function field(fields: Fields, name: string): string | null {
  const lower = name.toLowerCase();
  for (let i = fields.length - 1; i >= 0; i--) if (fields[i][0].toLowerCase() === lower) return fields[i][1];
  return null;
}

function count(value: string | null): number | null {
  if (value === null || !/^\s*-?\d{1,9}\s*$/.test(value)) return null;
  return Number(value);
}

function bodyFields(message: MimeMessage): Fields {
  return parseFieldLines(message.body).fields;
}

function classifyText(message: MimeMessage): MessageKind {
  const formatHeader = message.header('x-mms-im-format');
  const format = formatHeader !== undefined ? parseImFormat(formatHeader) : null;
  const fallback = format?.charsetCode !== undefined ? decoderLabelForCharsetCode(format.charsetCode) : null;
  const decoded = decodeChatText(message.body, message.charset, fallback);
  const kind: MessageKind = { kind: 'text', text: decoded.text, encoding: decoded.encoding, format };
  if (decoded.fallback) kind.note = decoded.fallback;
  return kind;
}

function classifyDatacast(message: MimeMessage): MessageKind {
  const fields = bodyFields(message);
  const id = count(field(fields, 'id'));
  const data = field(fields, 'data');
  return { kind: (id !== null && DATACAST_KINDS[id]) || 'datacast', id, data };
}

function classifyEmoticons(message: MimeMessage, animated: boolean): MessageKind {
  // "shortcut<TAB>msnobj<TAB>shortcut<TAB>msnobj<TAB>…"
  const parts = utf8.decode(message.body).replace(/[\r\n\0]+$/, '').split('\t');
  const emoticons: Array<{ shortcut: string; object: string }> = [];
  for (let i = 0; i + 1 < parts.length && emoticons.length < 64; i += 2) {
    if (parts[i] !== '') emoticons.push({ shortcut: parts[i], object: parts[i + 1] });
  }
  return { kind: 'emoticon', animated, emoticons };
}

function classifyProfile(message: MimeMessage): MessageKind {
  // The profile travels in the header block itself; the body is empty.
  const fields = message.headers.filter(([name]) => !/^(mime-version|content-type)$/i.test(name));
  const secretFields = fields.map(([name]) => name).filter((name) => SECRET_PROFILE_FIELDS.has(name.toLowerCase()));
  return { kind: 'profile', fields, secretFields, clientIp: field(fields, 'clientip'), clientPort: count(field(fields, 'clientport')) };
}

function classifyPlain(message: MimeMessage): MessageKind {
  switch (message.contentType) {
    case 'text/plain':
      return classifyText(message);
    case 'text/x-msmsgscontrol':
      return { kind: 'typing', user: message.header('typinguser') ?? null };
    case 'text/x-msnmsgr-datacast':
      return classifyDatacast(message);
    case 'text/x-mms-emoticon':
      return classifyEmoticons(message, false);
    case 'text/x-mms-animemoticon':
      return classifyEmoticons(message, true);
    case 'text/x-clientcaps':
      return { kind: 'clientcaps', fields: bodyFields(message) };
    case 'text/x-keepalive':
      return { kind: 'keepalive' };
    case 'text/x-msmsgsprofile':
      return classifyProfile(message);
    case 'text/x-msmsgsinitialemailnotification': {
      const fields = bodyFields(message);
      return { kind: 'email-initial', inboxUnread: count(field(fields, 'inbox-unread')), foldersUnread: count(field(fields, 'folders-unread')), fields };
    }
    case 'text/x-msmsgsemailnotification': {
      const fields = bodyFields(message);
      return { kind: 'email-new', from: field(fields, 'from'), fromAddress: field(fields, 'from-addr'), subject: field(fields, 'subject'), folder: field(fields, 'dest-folder'), fields };
    }
    case 'text/x-msmsgsactivemailnotification': {
      const fields = bodyFields(message);
      return { kind: 'email-activity', sourceFolder: field(fields, 'src-folder'), destinationFolder: field(fields, 'dest-folder'), delta: count(field(fields, 'message-delta')), fields };
    }
    case 'text/x-msmsgsinitialmdatanotification':
    case 'text/x-msmsgsoimnotification': {
      const fields = bodyFields(message);
      return { kind: 'email-data', mailData: field(fields, 'mail-data'), fields };
    }
    case 'text/x-msmsgsinvite': {
      const fields = bodyFields(message);
      return { kind: 'invite', command: field(fields, 'invitation-command'), cookie: field(fields, 'invitation-cookie'), fields };
    }
    case 'application/x-msnmsgrp2p':
      return { kind: 'p2p', dest: message.header('p2p-dest') ?? null, src: message.header('p2p-src') ?? null };
    default:
      return { kind: 'unknown', contentType: message.contentType };
  }
}

/**
 * What the content of an SDG message is: the Message-Type decides (a text/plain body may be a
 * signal or MSNSLP), the Content-Type fills in the details; without a Message-Type, the
 * Content-Type alone, as for MSG.
 */
function classifySdgContent(sdg: SdgMessage): MessageKind {
  const content = sdg.content;
  const plain = classifyPlain(content);
  if (sdg.messageType === null) return plain;
  const type = sdg.messageType.trim().toLowerCase();
  switch (type) {
    case 'text':
      return plain;
    case 'control/typing':
      // A typing signal may carry no TypingUser: the sender is the one typing.
      return { kind: 'typing', user: plain.kind === 'typing' && plain.user !== null ? plain.user : sdgAccount(sdg.from) };
    case 'nudge':
      return plain.kind === 'nudge' ? plain : { kind: 'nudge', id: 1, data: null };
    case 'wink':
      return plain.kind === 'wink' ? plain : { kind: 'wink', id: 2, data: null };
    case 'customemoticon':
      return plain.kind === 'emoticon' ? plain : classifyEmoticons(content, false);
    case 'data':
      return plain.kind === 'p2p' ? plain : { kind: 'unknown', contentType: content.contentType, messageType: sdg.messageType };
    case 'signal/p2p':
      return plain.kind === 'p2p' ? plain : { kind: 'slp' };
    default: {
      const meaning = SDG_SIGNALS[type];
      return meaning ? { kind: 'signal', messageType: sdg.messageType, meaning } : { kind: 'unknown', contentType: content.contentType, messageType: sdg.messageType };
    }
  }
}

/** Classifies a message body. SDG messages are unwrapped once (never recursively). */
export function classifyMessage(message: MimeMessage): MessageKind {
  const sdg = parseSdgMessage(message);
  if (!sdg) return classifyPlain(message);
  return { kind: 'sdg', sdg, from: sdgAccount(sdg.from), to: sdgAccount(sdg.to), inner: classifySdgContent(sdg) };
}
