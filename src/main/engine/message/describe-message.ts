// Builds the command-tree nodes for a message body: its header lines, then the body decoded by
// kind (chat text and format, typing user, datacast, invitation fields, e-mail counts, SDG blocks).
// P2P bodies are described by the P2P layer, which sits above this one: pass its describer
// (p2p/describe-p2p-body.ts) or use describeMessageWithP2p from there.
// Ranges are [offset, length] from the start of the MSNP payload plus `base`.

import type { TreeNode } from '../../../shared/model';
import { withField } from '../decode/tree-field';
import type { MimeMessage } from './mime-message';
import { classifyMessage, SECRET_PROFILE_FIELDS, type MessageKind } from './message-kind';
import { parseFieldLines, type ParsedMimeMessage } from './parse-mime-message';
import type { HeaderBlock } from './sdg-message';

export type P2pBodyDescriber = (message: MimeMessage, base: number) => TreeNode[];

const MAX_LABEL = 300;
const utf8 = new TextDecoder('utf-8');

export function clip(text: string, max = MAX_LABEL): string {
  return text.length > max ? `${text.slice(0, max)}… (${text.length} characters)` : text;
}

/** "Name: value", with credentials replaced by their length. */
export function headerLabel(name: string, value: string): string {
  if (SECRET_PROFILE_FIELDS.has(name.toLowerCase())) return `${name}: <redacted, ${value.length} characters>`;
  return clip(`${name}: ${value}`);
}

function offsetRange(range: [number, number] | undefined, base: number): [number, number] | undefined {
  return range ? [range[0] + base, range[1]] : undefined;
}

function headerNodes(headers: Array<[string, string]>, ranges: Array<[number, number]>, base: number): TreeNode[] {
  return headers.map(([name, value], i) => ({ label: headerLabel(name, value), range: offsetRange(ranges[i], base) }));
}

function blockNode(title: string, block: HeaderBlock, base: number): TreeNode {
  const first = block.ranges[0];
  const last = block.ranges[block.ranges.length - 1];
  const range: [number, number] | undefined = first && last ? [first[0] + base, last[0] + last[1] - first[0]] : undefined;
  return { label: `${title} (${block.headers.length} headers)`, range, children: headerNodes(block.headers, block.ranges, base) };
}

/** Nodes for a body made of `Key: value` lines, with a range per line. */
function fieldNodes(message: MimeMessage, base: number): TreeNode[] {
  const parsed = parseFieldLines(message.body);
  const start = base + message.bodyOffset;
  const nodes = headerNodes(parsed.fields, parsed.ranges, start);
  if (parsed.problem) nodes.push({ label: parsed.problem, severity: 'warning' });
  return nodes;
}

function bodyTitle(kind: MessageKind): string {
  switch (kind.kind) {
    case 'text':
      return 'Chat text';
    case 'typing':
      return `Typing notification${kind.user ? ` (${kind.user})` : ''}`;
    case 'nudge':
    case 'wink':
    case 'voice-clip':
    case 'action':
    case 'datacast':
      return `Datacast: ${kind.kind}${kind.id !== null ? ` (ID ${kind.id})` : ''}`;
    case 'emoticon':
      return kind.animated ? 'Animated emoticons' : 'Custom emoticons';
    case 'invite':
      return `Invitation${kind.command ? `: ${kind.command}` : ''}${kind.cookie ? ` (cookie ${kind.cookie})` : ''}`;
    case 'p2p':
      return 'P2P message';
    case 'slp':
      return 'MSNSLP message (no binary P2P header)';
    case 'signal':
      return `Signal: ${kind.messageType} (${kind.meaning})`;
    case 'sdg':
      return 'SDG message';
    case 'unknown':
      if (kind.messageType !== undefined) return `Body (unknown Message-Type ${clip(kind.messageType, 80)}, ${kind.contentType || 'no Content-Type'})`;
      return `Body (${kind.contentType || 'no Content-Type'})`;
    default:
      return kind.kind.replace('-', ' ');
  }
}

function bodyChildren(message: MimeMessage, kind: MessageKind, base: number, describeP2p?: P2pBodyDescriber): TreeNode[] {
  const bodyRange: [number, number] = [base + message.bodyOffset, message.body.length];
  switch (kind.kind) {
    case 'text': {
      // The field holds the whole text (msnp.text), even when the label is clipped.
      const nodes: TreeNode[] = [withField({ label: clip(`Text: ${kind.text}`, 1000), range: bodyRange }, 'msnp.text', kind.text), { label: `Encoding: ${kind.encoding}` }];
      const f = kind.format;
      if (f) {
        if (f.font !== undefined) nodes.push({ label: `Font: ${f.font}` });
        if (f.effectNames && f.effectNames.length > 0) nodes.push({ label: `Effects: ${f.effectNames.join(', ')}` });
        if (f.color) nodes.push({ label: `Colour: ${f.color}` });
        if (f.charset) nodes.push({ label: `Charset: ${f.charset}${f.charsetCode ? ` (CS=${f.charsetCode})` : ''}` });
        if (f.pitch) nodes.push({ label: `Pitch and family: ${f.pitch}` });
      }
      if (kind.note) nodes.push({ label: kind.note, severity: 'warning' });
      return nodes;
    }
    case 'typing':
      return [{ label: `Typing user: ${kind.user ?? '(none)'}` }];
    case 'nudge':
    case 'wink':
    case 'voice-clip':
    case 'action':
    case 'datacast':
      return fieldNodes(message, base);
    case 'emoticon':
      return kind.emoticons.map((e) => ({ label: clip(`${e.shortcut} → ${e.object}`) }));
    case 'profile':
      return [
        ...(kind.clientIp ? [{ label: `Client IP: ${kind.clientIp}` }] : []),
        ...(kind.clientPort !== null ? [{ label: `Client port: ${kind.clientPort} (as sent)` }] : []),
        ...kind.secretFields.map((name) => ({ label: `${name} is a login credential: not shown`, severity: 'note' as const })),
      ];
    case 'p2p':
    case 'slp':
      return describeP2p ? describeP2p(message, base) : [{ label: `P2P data: ${message.body.length} bytes`, range: bodyRange }];
    case 'signal':
      // CloseIMWindow names the conversation (`local/remote`): worth reading, never a chat line.
      return message.body.length > 0 ? [{ label: clip(`Signal body: ${utf8.decode(message.body.subarray(0, 4096))}`), range: bodyRange }] : [];
    case 'keepalive':
      return [];
    case 'unknown':
      return message.body.length > 0 ? [{ label: `${message.body.length} bytes`, range: bodyRange }] : [];
    case 'sdg':
      return [];
    default:
      return fieldNodes(message, base);
  }
}

function describeSdg(kind: Extract<MessageKind, { kind: 'sdg' }>, base: number, describeP2p?: P2pBodyDescriber): TreeNode[] {
  const { sdg } = kind;
  const content = sdg.content;
  const nodes: TreeNode[] = [
    { label: `From: ${kind.from ?? '(none)'} → To: ${kind.to ?? '(none)'}${sdg.messageType ? ` · ${sdg.messageType}` : ''}` },
    blockNode('Routing', sdg.routing, base),
    blockNode('Reliability', sdg.reliability, base),
    blockNode(sdg.contentKey ?? 'Content', { headers: content.headers, ranges: content.headerRanges }, base),
    { label: bodyTitle(kind.inner), range: [base + content.bodyOffset, content.body.length], children: bodyChildren(content, kind.inner, base, describeP2p) },
  ];
  if (sdg.malformed) nodes.push({ label: `Malformed: ${sdg.malformed}`, severity: 'warning' });
  return nodes;
}

/** Tree nodes for a message (headers, then the decoded body). Never throws on odd input. */
export function describeMessage(message: MimeMessage, base = 0, describeP2p?: P2pBodyDescriber): TreeNode[] {
  const kind = classifyMessage(message);
  const ranges = 'headerRanges' in message ? (message as ParsedMimeMessage).headerRanges : [];
  const nodes: TreeNode[] = [];
  if (kind.kind !== 'sdg') {
    nodes.push({
      label: `Message headers (${message.headers.length})${message.contentType ? `: ${message.contentType}` : ''}`,
      range: [base, message.bodyOffset],
      children: headerNodes(message.headers, ranges, base),
    });
    nodes.push({ label: bodyTitle(kind), range: [base + message.bodyOffset, message.body.length], children: bodyChildren(message, kind, base, describeP2p) });
    if (message.malformed) nodes.push({ label: `Malformed: ${message.malformed}`, severity: 'warning' });
  } else {
    nodes.push(...describeSdg(kind, base, describeP2p));
  }
  return nodes;
}
