// Wireshark-like description of one MSNP command: an info-column summary (`MSG 3 N 139`,
// `XFR 10 SB 64.4.12.193:1863 CKI 2468…`) and its parameters by name, per verb and version
// (param-names.ts). Text fields (nicknames, group names, msnobj) are shown percent-decoded.
// Nothing is redacted here: callers that must hide credentials pass a command whose secret
// parameters (secret-params.ts) are already replaced, and the summary follows.

import type { MsnpCommand } from './msnp-command';
import { paramSpecs } from './param-names';
import { decodeMsnpText } from './msnp-text';
import { errorMeaning } from './error-codes';

export interface CommandDescription {
  summary: string;
  params: Array<{ name: string; value: string }>;
}

/** Longest token shown whole in a summary; longer ones (tickets, msnobj) are shortened. */
const SUMMARY_TOKEN_MAX = 48;
const MALFORMED_SHOWN = 80;

function shorten(token: string): string {
  return token.length <= SUMMARY_TOKEN_MAX ? token : `${token.slice(0, SUMMARY_TOKEN_MAX - 8)}…(${token.length} chars)`;
}

type Describable = Pick<MsnpCommand, 'verb' | 'params' | 'trid' | 'direction' | 'line' | 'malformed'>;

export function describeCommand(cmd: Describable, version: number | null): CommandDescription {
  if (cmd.verb === '') {
    const shown = cmd.line.length > MALFORMED_SHOWN ? `${cmd.line.slice(0, MALFORMED_SHOWN)}…` : cmd.line;
    return { summary: `Malformed line "${shown}" (${cmd.malformed ?? 'not an MSNP command'})`, params: [] };
  }
  const specs = paramSpecs(cmd, version);
  const params = cmd.params.map((raw, i) => ({ name: specs[i].name, value: specs[i].text ? decodeMsnpText(raw) : raw }));
  let summary = [cmd.verb, ...params.map((p) => shorten(p.value))].join(' ');
  if (/^[0-9]{3}$/.test(cmd.verb)) {
    const meaning = errorMeaning(cmd.verb);
    params.push({ name: 'meaning', value: meaning ?? 'unknown error code' });
    summary += ` (${meaning ?? 'unknown error'})`;
  }
  if (cmd.malformed) summary += ` [${cmd.malformed}]`;
  return { summary, params };
}
