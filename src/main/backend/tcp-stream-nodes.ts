// Adds to a frame's TCP node what only the packet table knows, as Wireshark shows it: the stream
// index and the relative sequence and acknowledgement numbers, each with its filter field
// (tcp.stream, tcp.seq, tcp.ack), so "Apply as Filter" on them gives what the filter bar finds.

import type { FrameFields } from '../../shared/display-filter/frame-fields';
import type { TreeNode } from '../../shared/model';
import { withField } from '../engine/decode/tree-field';

const TCP_LABEL = 'Transmission Control Protocol';

/** Inserts `node` before the child whose label starts with `before` (at the end when there is none). */
function insertBefore(children: TreeNode[], before: string, node: TreeNode): void {
  const at = children.findIndex((c) => c.label.startsWith(before));
  children.splice(at < 0 ? children.length : at, 0, node);
}

export function addTcpStreamNodes(tree: TreeNode[], fields: FrameFields): void {
  const tcp = tree.find((n) => n.label.startsWith(TCP_LABEL));
  const children = tcp?.children;
  if (!children || fields.tcpStream === undefined || fields.tcpStream < 0) return;
  insertBefore(children, 'TCP Segment Len', withField({ label: `[Stream index: ${fields.tcpStream}]` }, 'tcp.stream', fields.tcpStream));
  const rawSeq = children.find((c) => c.label.startsWith('Sequence Number (raw)'));
  if (fields.tcpSeq !== undefined) {
    insertBefore(children, 'Sequence Number (raw)', withField({ label: `Sequence Number: ${fields.tcpSeq} (relative sequence number)`, range: rawSeq?.range }, 'tcp.seq', fields.tcpSeq));
  }
  const rawAck = children.find((c) => c.label.startsWith('Acknowledgment Number (raw)'));
  if (fields.tcpAck !== undefined) {
    insertBefore(children, 'Acknowledgment Number (raw)', withField({ label: `Acknowledgment Number: ${fields.tcpAck} (relative ack number)`, range: rawAck?.range }, 'tcp.ack', fields.tcpAck));
  }
}
