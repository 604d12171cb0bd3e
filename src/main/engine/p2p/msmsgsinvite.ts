// Legacy invitations (text/x-msmsgsinvite, MSN 3–6): `Key: value` body lines naming the
// application (localized Application-Name, Application-GUID), the step (Invitation-Command
// INVITE / ACCEPT / CANCEL with Cancel-Code), the Invitation-Cookie that ties the steps
// together, and the addresses each side offers: IP-Address (may be `ip:port`), IP-Address-
// Internal, Port, PortX / PortX-Internal (port XOR 0x3141, hidden from NAT helpers), voice's
// Public-IP / Private-IP, and Context-Data `ip:port` (whiteboard, application sharing).
// Spec: PROTOCOL.md "Legacy invitations"; seed 002.

import { parseFieldLines } from '../message/parse-mime-message';
import { kindFromApplicationGuid, kindFromApplicationName } from './euf-guid';

export interface OfferedAddress {
  address: string;
  /** 0 when the invitation names an address without a port (voice's Public-IP / Private-IP). */
  port: number;
  scope: 'internal' | 'external' | 'unknown';
  /** The fields it came from, e.g. "IP-Address + PortX". */
  source: string;
}

export interface MsmsgsInvite {
  command: string | null;
  cookie: string | null;
  applicationName: string | null;
  applicationGuid: string | null;
  /** Kind from the GUID, else the name, else null (ACCEPT / CANCEL carry neither). */
  kind: string | null;
  file: { name: string; size: number | null } | null;
  cancelCode: string | null;
  authCookie: string | null;
  sessionId: string | null;
  contextData: string | null;
  addresses: OfferedAddress[];
  fields: Array<[string, string]>;
  problems: string[];
}

export const PORTX_XOR = 0x3141;

function parsePort(text: string | null | undefined): number | null {
  if (!text || !/^\s*\d{1,5}\s*$/.test(text)) return null;
  const port = Number(text);
  return port > 0 && port <= 65535 ? port : null;
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** `1.2.3.4`, `1.2.3.4:6891` or `[v6]:port` → parts; null when it does not read as an address. */
export function splitHostPort(text: string): { address: string; port: number | null } | null {
  const value = text.trim();
  const v6 = /^\[([0-9a-fA-F:.]+)\](?::(\d{1,5}))?$/.exec(value);
  if (v6) return { address: v6[1], port: parsePort(v6[2]) };
  const colon = value.lastIndexOf(':');
  if (colon > 0 && IPV4.test(value.slice(0, colon))) return { address: value.slice(0, colon), port: parsePort(value.slice(colon + 1)) };
  if (IPV4.test(value)) return { address: value, port: null };
  return null;
}

/** RFC 1918 / loopback / link-local addresses are "internal". */
export function scopeOfAddress(address: string): 'internal' | 'external' {
  return /^(10\.|127\.|192\.168\.|169\.254\.|172\.(1[6-9]|2\d|3[01])\.)/.test(address) || /^(fe80:|fc|fd|::1$)/i.test(address) ? 'internal' : 'external';
}

function kindFromContextData(contextData: string | null): string | null {
  if (!contextData) return null;
  const requested = /requested:\s*([^;]*)/i.exec(contextData)?.[1] ?? '';
  if (/SIP_V/i.test(requested)) return 'video';
  if (/SIP_A/i.test(requested)) return 'voice';
  return null;
}

export function parseMsmsgsInvite(body: Uint8Array): MsmsgsInvite {
  const parsed = parseFieldLines(body);
  const byName = new Map<string, string>();
  for (const [name, value] of parsed.fields) byName.set(name.toLowerCase(), value);
  const get = (name: string) => byName.get(name.toLowerCase()) ?? null;
  const problems: string[] = parsed.problem ? [parsed.problem] : [];

  const applicationName = get('application-name');
  const applicationGuid = get('application-guid');
  const contextData = get('context-data');
  // Voice and video share a GUID and a name; the requested SIP media tell them apart (and win
  // over the GUID: seed 002's voice invitation carries the file-transfer GUID).
  const kind = kindFromContextData(contextData) ?? kindFromApplicationGuid(applicationGuid) ?? kindFromApplicationName(applicationName);

  const fileName = get('application-file');
  const sizeText = get('application-filesize');
  const size = sizeText !== null && /^\s*\d{1,15}\s*$/.test(sizeText) ? Number(sizeText) : null;

  const addresses: OfferedAddress[] = [];
  const add = (address: string, port: number, scope: OfferedAddress['scope'], source: string) => {
    if (addresses.length >= 32) return;
    if (!addresses.some((a) => a.address === address && a.port === port)) addresses.push({ address, port, scope, source });
  };
  const port = parsePort(get('port'));
  const portX = parsePort(get('portx'));
  const portXInternal = parsePort(get('portx-internal'));
  if (get('portx') !== null && portX === null) problems.push(`bad PortX "${get('portx')}"`);

  const external = get('ip-address');
  if (external !== null && external.trim() !== '') {
    const hp = splitHostPort(external);
    if (!hp) problems.push(`IP-Address "${external.slice(0, 60)}" is not an address`);
    else {
      if (hp.port !== null) add(hp.address, hp.port, 'external', 'IP-Address');
      if (port !== null) add(hp.address, port, 'external', 'IP-Address + Port');
      if (portX !== null) add(hp.address, portX ^ PORTX_XOR, 'external', 'IP-Address + PortX');
    }
  }
  const internal = get('ip-address-internal');
  if (internal !== null && internal.trim() !== '') {
    for (const one of internal.trim().split(/\s+/).slice(0, 8)) {
      const hp = splitHostPort(one);
      if (!hp) continue;
      if (hp.port !== null) add(hp.address, hp.port, 'internal', 'IP-Address-Internal');
      if (portXInternal !== null) add(hp.address, portXInternal ^ PORTX_XOR, 'internal', 'IP-Address-Internal + PortX-Internal');
      if (port !== null) add(hp.address, port, 'internal', 'IP-Address-Internal + Port');
    }
  }
  if (contextData !== null) {
    const hp = splitHostPort(contextData);
    if (hp && hp.port !== null) add(hp.address, hp.port, scopeOfAddress(hp.address), 'Context-Data');
  }
  for (const [field, scope] of [['public-ip', 'external'], ['private-ip', 'internal']] as const) {
    const hp = splitHostPort(get(field) ?? '');
    if (hp) add(hp.address, hp.port ?? 0, scope, field === 'public-ip' ? 'Public-IP' : 'Private-IP');
  }

  return {
    command: get('invitation-command')?.trim().toUpperCase() || null,
    cookie: get('invitation-cookie')?.trim() || null,
    applicationName,
    applicationGuid,
    kind,
    file: fileName !== null ? { name: fileName, size } : null,
    cancelCode: get('cancel-code'),
    authCookie: get('authcookie'),
    sessionId: get('session-id'),
    contextData,
    addresses,
    fields: parsed.fields,
    problems,
  };
}
