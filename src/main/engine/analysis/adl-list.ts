// The XML contact list of ADL/RML (MSNP13+): domains with their contacts and list bits,
// `<ml l="1"><d n="example.com"><c n="alice" l="3" t="1"/></d></ml>` → alice@example.com on
// FL and AL. The server's unsolicited `ADL 0 len` adds `f="friendly name"`.
// Spec: PROTOCOL.md "Versions" (MSNP13: ADL/RML/FQY with XML); msnpiki "ADL".

import { xmlAttributes } from './xml-text';

export interface AdlContact {
  account: string;
  /** List bits: 1 FL, 2 AL, 4 BL, 8 RL, 16 PL. */
  lists: number;
  /** Network type (t=): 1 Passport/MSN, 32 Yahoo… */
  network: number | null;
  nick: string | null;
}

const MAX_CONTACTS = 10_000;

/** Contacts of an ADL/RML document; malformed parts are skipped. */
export function parseAdlList(xml: string): AdlContact[] {
  const out: AdlContact[] = [];
  let domain: string | null = null;
  const re = /<(\/?)(d|c)\b([^>]*)>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null && out.length < MAX_CONTACTS) {
    const [, closing, tag, inside] = m;
    if (tag === 'd') {
      domain = closing ? null : (xmlAttributes(inside).get('n') ?? null);
      // `<d n="x"/>` opens and closes at once.
      if (inside.trimEnd().endsWith('/')) domain = null;
      continue;
    }
    if (closing) continue;
    const attrs = xmlAttributes(inside);
    const name = attrs.get('n');
    if (!name || !domain) continue;
    const lists = Number.parseInt(attrs.get('l') ?? '', 10);
    const network = Number.parseInt(attrs.get('t') ?? '', 10);
    out.push({
      account: `${name}@${domain}`.toLowerCase(),
      lists: Number.isFinite(lists) ? lists : 0,
      network: Number.isFinite(network) ? network : null,
      nick: attrs.get('f') ?? null,
    });
  }
  return out;
}

/** List bits → names, lowest bit first. */
export function listNames(bits: number): string[] {
  const names: string[] = [];
  if (bits & 1) names.push('FL');
  if (bits & 2) names.push('AL');
  if (bits & 4) names.push('BL');
  if (bits & 8) names.push('RL');
  if (bits & 16) names.push('PL');
  return names;
}
