// A command's parameters by name (account, nick, cookie, session id…), using the per-verb and
// per-version shapes of msnp/param-names.ts, so that the analysis never counts positions itself.

import type { MsnpCommand } from '../msnp/msnp-command';
import { paramSpecs } from '../msnp/param-names';

export type CommandFields = ReadonlyMap<string, string>;

/** Parameter values by name; the first parameter of each name wins. */
export function commandFields(cmd: MsnpCommand, version: number | null): CommandFields {
  const specs = paramSpecs(cmd, version);
  const out = new Map<string, string>();
  for (let i = 0; i < specs.length; i++) if (!out.has(specs[i].name)) out.set(specs[i].name, cmd.params[i]);
  return out;
}
