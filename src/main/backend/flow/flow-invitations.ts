// MSNSLP (and legacy) invitations tied to their answers in a flow graph: the P2P layer reports each
// step as a session event ("invites to file transfer "x"…", then "accepts file transfer "x"" or
// "declines…"), and the arrows carrying those frames get each other as `answer` — drawn as a dashed
// bracket, apart from the TrID transaction an MSG may also be part of (its ACK).

import type { AnalysisResult } from '../../../shared/model';
import { arrowFrameIndex, type FlowGraph, type FlowInputs } from './flow-graph-builder';
import { arrowAtFrame } from './flow-graph-page';

const INVITES = /^invites to (.*?) "(.*)"/;
const ANSWERS = /^(?:accepts|declines|cancels) (.*?) "(.*)"/;

/** The first arrow of frame `frame` (−1 when the graph has none). */
function arrowOfFrame(graph: FlowGraph, inputs: FlowInputs, frame: number): number {
  const a = arrowAtFrame(graph, inputs, frame);
  return a >= 0 && arrowFrameIndex(graph, inputs.log, a) + 1 === frame ? a : -1;
}

export function tieInvitations(graph: FlowGraph, inputs: FlowInputs, result: AnalysisResult | null): void {
  for (const session of result?.sessions ?? []) {
    const open = new Map<string, number>();
    for (const event of session.events ?? []) {
      if (event.kind !== 'invitation' || !event.detail) continue;
      const invite = INVITES.exec(event.detail);
      if (invite) {
        open.set(`${invite[1]}|${invite[2]}`, event.frame);
        continue;
      }
      const answer = ANSWERS.exec(event.detail);
      const asked = answer ? open.get(`${answer[1]}|${answer[2]}`) : undefined;
      if (asked === undefined) continue;
      open.delete(`${answer![1]}|${answer![2]}`);
      const a = arrowOfFrame(graph, inputs, asked);
      const b = arrowOfFrame(graph, inputs, event.frame);
      if (a >= 0 && b >= 0 && a !== b) {
        graph.answer[a] = b;
        graph.answer[b] = a;
      }
    }
  }
}
