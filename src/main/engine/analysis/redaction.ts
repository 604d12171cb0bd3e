// Login secrets never reach a summary, a command tree or a record unless the user asks for them
// (showSecrets): Passport/SSO tickets and MBI responses, MD5 hashes, SHA circle tickets,
// switchboard cookies (XFR/RNG/USR/ANS) and MSNFTP auth cookies (positions: msnp/secret-params.ts,
// plus MSNFTP here), and the QRY challenge answer. MSPAuth/MSPProf in profile messages are hidden
// by describe-message.ts. Redacted values become "‹redacted›".

import type { TreeNode } from '../../../shared/model';
import type { MsnpCommand } from '../msnp/msnp-command';
import { secretParamIndexes } from '../msnp/secret-params';
import { looksLikeAccount } from './account';

export const REDACTED = '‹redacted›';

/** Parameter positions holding secrets. */
export function secretIndexes(cmd: MsnpCommand): number[] {
  const indexes = secretParamIndexes(cmd);
  // MSNFTP login `USR account authcookie` has no TrID.
  if (cmd.verb === 'USR' && cmd.direction === 'c2s' && cmd.params.length === 2 && looksLikeAccount(cmd.params[0])) indexes.push(1);
  return indexes;
}

/** True when the whole body is a secret: the client's answer to a CHL challenge (QRY). */
export function isSecretBody(cmd: MsnpCommand): boolean {
  return cmd.verb === 'QRY' && cmd.direction === 'c2s';
}

/** The command with its secret parameters replaced (the same object when there are none). */
export function redactCommand(cmd: MsnpCommand): MsnpCommand {
  const indexes = secretIndexes(cmd);
  if (indexes.length === 0) return cmd;
  const params = cmd.params.slice();
  for (const i of indexes) if (i < params.length) params[i] = REDACTED;
  return { ...cmd, params, line: [cmd.verb, ...params].join(' ') };
}

/** Replaces every occurrence of the given secret strings in a tree's labels (in place, no recursion). */
export function scrubTree(root: TreeNode, secrets: readonly string[]): void {
  const usable = secrets.filter((s) => s.length >= 6);
  if (usable.length === 0) return;
  const stack: TreeNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as TreeNode;
    for (const s of usable) if (node.label.includes(s)) node.label = node.label.split(s).join(REDACTED);
    if (node.children) stack.push(...node.children);
  }
}

const BODY_SECRET_HEADERS = /^(MSPAuth|MSPProf|sid|kv|MSPCid|ClientIP)?$/i;

/**
 * The secret strings a command carries, as they appear on the wire: secret parameters, the QRY
 * answer, and the profile message's MSPAuth/MSPProf/sid values. The views mask these in raw bytes.
 */
export function secretValues(cmd: MsnpCommand): string[] {
  const out: string[] = [];
  for (const i of secretIndexes(cmd)) if (cmd.params[i]) out.push(cmd.params[i]);
  if (cmd.body && cmd.body.length) {
    if (isSecretBody(cmd)) out.push(new TextDecoder().decode(cmd.body));
    else if (cmd.verb === 'MSG' && cmd.body.length < 8192) {
      const text = new TextDecoder().decode(cmd.body);
      if (/text\/x-msmsgsprofile/i.test(text)) {
        for (const m of text.matchAll(/^([A-Za-z]+):\s*(\S+)\s*$/gm)) if (m[1] !== 'ClientIP' && BODY_SECRET_HEADERS.test(m[1])) out.push(m[2]);
      }
    }
  }
  return out.filter((s) => s.length >= 6);
}
