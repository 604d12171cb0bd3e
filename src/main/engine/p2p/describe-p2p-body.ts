// Command-tree nodes for a P2P message body: every v1 header field (flags spelled out) or the v2
// header, TLVs and data header, the data, the footer's application id, and — for session-0
// data — the MSNSLP start line, headers and body fields (reversed WLM 2009 fields marked).
// MSNP21 SDG bodies may bundle several packets (Bridging-Offsets) or carry bare MSNSLP text
// (Signal/P2P).
// describeMessageWithP2p is what the analysis calls for any message body; it also spells out
// what a legacy invitation offers (application, addresses with PortX un-XORed).
// Ranges are [offset, length] from the start of the MSNP payload plus `base`.

import type { TreeNode } from '../../../shared/model';
import { clip, describeMessage, headerLabel } from '../message/describe-message';
import type { MimeMessage } from '../message/mime-message';
import { bridgedPackets } from './bridging-offsets';
import { parseMsmsgsInvite } from './msmsgsinvite';
import { parseSlp, type SlpMessage } from './msnslp';
import { p2pVersionOf } from './p2p-data';
import { P2P_APP_IDS, p2pV1FlagNames, parseP2pV1, type P2pV1Header } from './p2p-header-v1';
import { p2pV2OpCodeNames, p2pV2TfName, parseP2pV2, type P2pV2Message } from './p2p-header-v2';
import { kindLabel } from './session-event-like';

type Range = [number, number];

function footerNode(footer: number | null, at: number): TreeNode[] {
  if (footer === null) return [];
  return [{ label: `Footer (application id): ${footer}${P2P_APP_IDS[footer] ? ` (${P2P_APP_IDS[footer]})` : ''}`, range: [at, 4] }];
}

/** SLP start line, headers and body fields; `at` is where the SLP data starts. */
export function describeSlp(slp: SlpMessage, at: number): TreeNode {
  const shift = ([o, l]: Range): Range => [o + at, l];
  const children: TreeNode[] = [
    { label: slp.startLine, range: shift(slp.startLineRange) },
    ...slp.headers.map(([name, value], i) => ({ label: headerLabel(name, value), range: shift(slp.headerRanges[i]) })),
  ];
  if (slp.fields.length > 0) {
    children.push({
      label: `Body: ${slp.contentType || 'no Content-Type'}`,
      range: shift(slp.bodyRange),
      children: slp.fields.map((f) => ({ label: clip(`${f.key}: ${f.value}${f.reversed ? ' (sent reversed)' : ''}`), range: shift(f.range) })),
    });
  }
  for (const problem of slp.problems) children.push({ label: problem, severity: 'warning' });
  const title = slp.kind === 'request' ? `${slp.method} ${slp.uri}` : `${slp.status} ${slp.reason}`;
  return { label: `MSNSLP ${title}`, range: [at, slp.bodyRange[0] + slp.bodyRange[1]], children };
}

function dataNode(data: Uint8Array, at: number, sessionId: number): TreeNode {
  const slp = sessionId === 0 ? parseSlp(data) : null;
  return slp ? describeSlp(slp, at) : { label: `Data: ${data.length} bytes${sessionId === 0 ? ' (MSNSLP, not complete in this chunk)' : ''}`, range: [at, data.length] };
}

/** The 48-byte v1 header, every field with its bytes (`at`: where the header starts). */
export function p2pV1HeaderNode(h: P2pV1Header, at: number): TreeNode {
  const field = (label: string, offset: number, length: number): TreeNode => ({ label, range: [at + offset, length] });
  return {
    label: 'P2P header (v1)',
    range: [at, 48],
    children: [
      field(`Session ID: ${h.sessionId}`, 0, 4),
      field(`Identifier: ${h.identifier}`, 4, 4),
      field(`Offset: ${h.offset}`, 8, 8),
      field(`Total size: ${h.totalSize}`, 16, 8),
      field(`Message length: ${h.messageLength}`, 24, 4),
      field(`Flags: 0x${h.flags.toString(16).padStart(8, '0')}${h.flags ? ` (${p2pV1FlagNames(h.flags).join(', ')})` : ''}`, 28, 4),
      field(`Ack identifier: ${h.ackIdentifier}`, 32, 4),
      field(`Ack unique id: ${h.ackUniqueId}`, 36, 4),
      field(`Ack data size: ${h.ackDataSize}`, 40, 8),
    ],
  };
}

function describeV1(body: Uint8Array, at: number): TreeNode[] {
  const p = parseP2pV1(body);
  if (!p) return [{ label: `P2P v1 body of ${body.length} bytes is shorter than the 48-byte header`, severity: 'warning', range: [at, body.length] }];
  const h = p.header;
  const nodes: TreeNode[] = [p2pV1HeaderNode(h, at)];
  if (p.data.length > 0) nodes.push(dataNode(p.data, at + 48, h.sessionId));
  nodes.push(...footerNode(p.footer, at + 48 + h.messageLength));
  for (const problem of p.problems) nodes.push({ label: problem, severity: 'warning' });
  return nodes;
}

function tlvNodes(p: P2pV2Message['tlvs'], at: number, names: Record<number, string>): TreeNode[] {
  return p.map((t) => ({
    label: `TLV ${t.type}${names[t.type] ? ` (${names[t.type]})` : ''}: ${Array.from(t.value, (b) => b.toString(16).padStart(2, '0')).join(' ')}`,
    range: [at + t.at, 2 + t.value.length] as Range,
  }));
}

/** The v2 header with its TLVs, and the data header when there is one (`at`: where the packet starts). */
export function p2pV2HeaderNodes(p: P2pV2Message, at: number): TreeNode[] {
  const ops = p2pV2OpCodeNames(p.opCode);
  const nodes: TreeNode[] = [
    {
      label: 'P2P header (v2)',
      range: [at, p.headerLength],
      children: [
        { label: `Header length: ${p.headerLength}`, range: [at, 1] },
        { label: `Op code: 0x${p.opCode.toString(16).padStart(2, '0')}${ops.length ? ` (${ops.join(', ')})` : ''}`, range: [at + 1, 1] },
        { label: `Message size: ${p.messageSize}`, range: [at + 2, 2] },
        { label: `Sequence number: ${p.sequenceNumber}`, range: [at + 4, 4] },
        ...tlvNodes(p.tlvs, at, { 1: 'peer info', 2: 'ACK sequence', 3: 'NAK sequence' }),
      ],
    },
  ];
  const dh = p.dataHeader;
  if (dh) {
    const d = at + p.headerLength;
    nodes.push({
      label: 'Data header',
      range: [d, dh.length],
      children: [
        { label: `Length: ${dh.length}`, range: [d, 1] },
        { label: `TF combination: 0x${dh.tf.toString(16).padStart(2, '0')} (${p2pV2TfName(dh.tf)})`, range: [d + 1, 1] },
        { label: `Package number: ${dh.packageNumber}`, range: [d + 2, 2] },
        { label: `Session ID: ${dh.sessionId}`, range: [d + 4, 4] },
        ...tlvNodes(dh.tlvs, at, { 1: 'data remaining' }),
      ],
    });
  }
  return nodes;
}

function describeV2(body: Uint8Array, at: number): TreeNode[] {
  const p = parseP2pV2(body);
  if (!p) return [{ label: `P2P v2 body of ${body.length} bytes has no valid header`, severity: 'warning', range: [at, body.length] }];
  const nodes = p2pV2HeaderNodes(p, at);
  const dh = p.dataHeader;
  if (dh && p.data.length > 0) nodes.push(dataNode(p.data, at + p.dataOffset, dh.sessionId));
  nodes.push(...footerNode(p.footer, at + p.headerLength + p.messageSize));
  for (const problem of p.problems) nodes.push({ label: problem, severity: 'warning' });
  return nodes;
}

function describePacket(version: 1 | 2, bytes: Uint8Array, at: number): TreeNode[] {
  return version === 2 ? describeV2(bytes, at) : describeV1(bytes, at);
}

/** MSNSLP text without a binary header (MSNP21 SDG Message-Type Signal/P2P). */
function describeSlpText(message: MimeMessage, at: number): TreeNode[] {
  const slp = parseSlp(message.body);
  return slp ? [describeSlp(slp, at)] : [{ label: `Signal/P2P body of ${message.body.length} bytes is not an MSNSLP message`, severity: 'warning', range: [at, message.body.length] }];
}

/** The P2P body describer for describeMessage (message/describe-message.ts). */
export function describeP2pBody(message: MimeMessage, base: number): TreeNode[] {
  const at = base + message.bodyOffset;
  if (message.contentType !== 'application/x-msnmsgrp2p') return describeSlpText(message, at);
  const version = p2pVersionOf(message);
  const bundle = bridgedPackets(message);
  const problem: TreeNode[] = bundle.problem ? [{ label: bundle.problem, severity: 'warning' }] : [];
  if (bundle.packets.length === 1) return [...describePacket(version, bundle.packets[0].bytes, at), ...problem];
  // Several packets in one SDG (Bridging-Offsets): one node each.
  return bundle.packets.map((p, i) => ({
    label: `P2P packet ${i + 1} of ${bundle.packets.length} (${p.bytes.length} bytes at body offset ${p.at})`,
    range: [at + p.at, p.bytes.length] as Range,
    children: describePacket(version, p.bytes, at + p.at),
  }));
}

/** What an invitation means beyond its raw fields: the application and the addresses (PortX un-XORed). */
function invitationSummary(message: MimeMessage): TreeNode[] {
  const invite = parseMsmsgsInvite(message.body);
  const nodes: TreeNode[] = [];
  if (invite.kind) nodes.push({ label: `Application: ${kindLabel(invite.kind)}` });
  for (const a of invite.addresses) nodes.push({ label: `Offers ${a.port > 0 ? `${a.address}:${a.port}` : a.address} (${a.scope}, from ${a.source})` });
  for (const problem of invite.problems) nodes.push({ label: problem, severity: 'warning' });
  return nodes;
}

/** describeMessage with P2P bodies and invitations decoded: what the frame detail view should call. */
export function describeMessageWithP2p(message: MimeMessage, base = 0): TreeNode[] {
  const tree = describeMessage(message, base, describeP2pBody);
  if (message.contentType === 'text/x-msmsgsinvite' && tree[1]) tree[1].children = [...invitationSummary(message), ...(tree[1].children ?? [])];
  return tree;
}
