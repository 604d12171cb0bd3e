// The offline-message SOAP service when it is seen in clear (plain HTTP): the sender's Store2
// request (`<From memberName friendlyName>`, `<To memberName>`, the message in `<Content>`) and the
// recipient's GetMessage response (`<GetMessageResult>`: the stored message with `From:`, `To:`
// and `Date:` headers). Both carry the message as MIME whose body is usually base64. The Store2
// header's `<Ticket passport=…>` is a credential and is never read.
// Spec: NINA wiki "MSNP13 Offline IM" (Sending, Retrieving); RFC 2047 for the names.

import { decodeChatText } from '../message/chat-text';
import { decodeEncodedWords } from '../message/encoded-words';
import { parseMimeMessage } from '../message/parse-mime-message';
import { decodeBase64Bounded } from '../p2p/slp-context';
import { looksLikeAccount, normalizeAccount } from './account';
import { elementText, xmlAttributes } from './xml-text';

/** One HTTP exchange with the OIM service, as the HTTP layer hands it over (bodies as text). */
export interface OimSoapExchange {
  requestXml: string;
  responseXml: string | null;
  request: { frame: number; tsUs: number };
  response: { frame: number; tsUs: number } | null;
}

export interface SoapOfflineMessage {
  from: string | null;
  nick: string | null;
  to: string | null;
  text: string | null;
  sentTime: string | null;
}

const MAX_TEXT_BYTES = 64 * 1024;
const utf8 = new TextEncoder();

function accountOr(value: string | undefined | null): string | null {
  return looksLikeAccount(value ?? undefined) ? normalizeAccount(value as string) : null;
}

/** Attributes of the first `<name …>` start tag. */
function startTagAttributes(xml: string, name: string): Map<string, string> {
  const m = new RegExp(`<(?:[\\w-]+:)?${name}\\s([^>]{0,4096})>`).exec(xml);
  return m ? xmlAttributes(m[1]) : new Map();
}

/** The stored message's MIME: headers and its text (base64 or not), or null when unreadable. */
function offlineMime(content: string): { header(name: string): string | undefined; text: string | null } {
  const message = parseMimeMessage(utf8.encode(content.trim()));
  const encoding = message.header('content-transfer-encoding')?.trim().toLowerCase();
  let body: Uint8Array | null = message.body;
  if (encoding === 'base64') body = decodeBase64Bounded(new TextDecoder().decode(message.body), MAX_TEXT_BYTES);
  const text = body === null ? null : decodeChatText(body.subarray(0, MAX_TEXT_BYTES), message.charset).text.replace(/\r?\n$/, '');
  return { header: (name) => message.header(name), text };
}

/** `=?utf-8?B?…?= <alice@example.com>` → account and decoded name. */
function mailbox(value: string | undefined): { account: string | null; name: string | null } {
  if (value === undefined) return { account: null, name: null };
  const angle = /<([^<>\s]{1,320})>\s*$/.exec(value);
  if (!angle) return { account: accountOr(value.trim()), name: null };
  const name = decodeEncodedWords(value.slice(0, angle.index).trim().replace(/^"(.*)"$/, '$1'));
  return { account: accountOr(angle[1]), name: name || null };
}

/** A Store2 (or Store) request body, or null when it is not one. */
export function parseOimStore(xml: string): SoapOfflineMessage | null {
  const content = elementText(xml, 'Content');
  if (content === null || !/<(?:[\w-]+:)?MessageType[\s>]/.test(xml)) return null;
  const fromTag = startTagAttributes(xml, 'From');
  const toTag = startTagAttributes(xml, 'To');
  const friendly = fromTag.get('friendlyName');
  return {
    from: accountOr(fromTag.get('memberName')),
    nick: friendly ? decodeEncodedWords(friendly) : null,
    to: accountOr(toTag.get('memberName')),
    text: offlineMime(content).text,
    sentTime: null,
  };
}

/** A GetMessage response body, or null when it is not one. */
export function parseOimGetMessage(xml: string): SoapOfflineMessage | null {
  const content = elementText(xml, 'GetMessageResult');
  if (content === null) return null;
  const mime = offlineMime(content);
  const from = mailbox(mime.header('from'));
  return { from: from.account, nick: from.name, to: mailbox(mime.header('to')).account, text: mime.text, sentTime: mime.header('date') ?? null };
}

/** The `<messageId>` a GetMessage request asks for. */
export function oimMessageId(xml: string): string | null {
  return elementText(xml, 'messageId') || null;
}
