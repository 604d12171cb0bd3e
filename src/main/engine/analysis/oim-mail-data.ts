// The `Mail-Data` XML of `text/x-msmsgsoimnotification` and `…initialmdatanotification`: one
// `<M>` per offline message waiting on the server — `E` the sender's account, `N` its friendly
// name (RFC 2047), `RT` when the server received it, `I` its id (for the SOAP GetMessage), `SZ`
// its size. The text itself is not there. `too-large` instead of XML means "ask over SOAP".
// Spec: NINA wiki "MSNP13 Offline IM" (XML Data).

import { decodeEncodedWords } from '../message/encoded-words';
import { looksLikeAccount, normalizeAccount } from './account';
import { elementText } from './xml-text';

export interface MailDataMessage {
  from: string | null;
  nick: string | null;
  receivedTime: string | null;
  id: string | null;
}

const MAX_MESSAGES = 1000;

export function parseMailData(xml: string): MailDataMessage[] {
  const out: MailDataMessage[] = [];
  let from = 0;
  while (out.length < MAX_MESSAGES) {
    const open = xml.indexOf('<M>', from);
    if (open < 0) break;
    const close = xml.indexOf('</M>', open);
    if (close < 0) break;
    const m = xml.slice(open + 3, close);
    from = close + 4;
    const sender = elementText(m, 'E');
    const nick = elementText(m, 'N');
    out.push({
      from: looksLikeAccount(sender ?? undefined) ? normalizeAccount(sender as string) : null,
      nick: nick ? decodeEncodedWords(nick) : null,
      receivedTime: elementText(m, 'RT') || null,
      id: elementText(m, 'I') || null,
    });
  }
  return out;
}
