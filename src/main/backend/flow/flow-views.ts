// The flow graphs of one capture inside the worker: the log of MSNP commands they are drawn from
// (filled as frames are analysed), the graphs built from it, their pages, and their SVG pictures.

import { writeFile } from 'node:fs/promises';
import { flowScopeTitle, MAX_PNG_ARROWS, MAX_SVG_ARROWS, type FlowPage, type FlowRequest, type FlowScope, type FlowUnit } from '../../../shared/flow-graph';
import type { FlowPictureRequest } from '../../../shared/ipc-contract';
import { flowSvg } from '../../../shared/flow-svg';
import type { FrameCommand } from '../../engine/frame-summary';
import { FlowCommandLog } from './flow-command-log';
import type { FlowInputs } from './flow-graph-builder';
import { FlowGraphs } from './flow-graphs';

export class FlowViews {
  readonly log = new FlowCommandLog();
  private readonly graphs = new FlowGraphs();

  /** `state()` changes whenever a graph would come out differently (frames, display order, analysis). */
  constructor(private readonly inputs: Omit<FlowInputs, 'log'>, private readonly state: () => string) {}

  /** The MSNP commands frame `frame` completed. */
  add(frame: number, commands: readonly FrameCommand[]): void {
    if (commands.length) this.log.add(frame, commands);
  }

  private get all(): FlowInputs {
    return { ...this.inputs, log: this.log };
  }

  page(request: FlowRequest): FlowPage {
    return this.graphs.page(this.all, request, `${this.log.size}/${this.state()}`);
  }

  /** Arrows [start, start + count) as an SVG document (`max`: most arrows it may hold). */
  svg(request: FlowPictureRequest, max = MAX_PNG_ARROWS): string {
    const page = this.graphs.page(this.all, { ...request, count: Math.min(request.count, max) }, `${this.log.size}/${this.state()}`, max);
    const shown = page.frame.length;
    const whole = page.start === 0 && shown === page.total && !page.truncated;
    const note = whole ? undefined : `Arrows ${page.start + 1}–${page.start + shown} of ${page.total}${page.truncated ? '+' : ''}`;
    return flowSvg(page, { title: `MSNP flow graph of ${flowScopeTitle(request.scope)}`, note });
  }

  /** Writes the graph's first MAX_SVG_ARROWS arrows as SVG to `path`. */
  async exportSvg(scope: FlowScope, unit: FlowUnit, path: string): Promise<void> {
    await writeFile(path, this.svg({ scope, unit, start: 0, count: MAX_SVG_ARROWS }, MAX_SVG_ARROWS));
  }
}
