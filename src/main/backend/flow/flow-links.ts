// Links between flow graphs, from what the analysis knows: a notification server's XFR or RNG
// handed a cookie to a switchboard connection (ConnectionRecord.handOffFrame), and an endpoint
// offered in MSNSLP (or a legacy invitation) was used by a later TCP connection (EndpointRecord
// `observed`, matched here to that connection by address and port, as the analysis matches it).

import type { FlowLink, FlowScope } from '../../../shared/flow-graph';
import type { AnalysisResult, ConnectionRecord, EndpointRecord } from '../../../shared/model';
import { endpointText } from '../../engine/decode/ip-address-text';
import type { FlowCommandLog } from './flow-command-log';
import type { PacketTable } from '../packet-table';

/** A direct connection that used an offered endpoint. */
export interface DirectConnection {
  endpoint: EndpointRecord;
  stream: number;
  /** Frame number of its first frame. */
  firstFrame: number;
}

export class FlowLinks {
  /** "notification connection:frame" of an XFR/RNG → the switchboard connection it handed off. */
  private readonly handOffs = new Map<string, ConnectionRecord>();
  /** Switchboard connection id → frame of its first command. */
  private readonly firstCommand = new Map<number, number>();
  /** Frame of an endpoint offer → the direct connections that used its endpoints. */
  private readonly directByOffer = new Map<number, DirectConnection[]>();
  readonly direct: DirectConnection[] = [];

  constructor(private readonly table: PacketTable, log: FlowCommandLog, result: AnalysisResult | null) {
    const switchboards = (result?.connections ?? []).filter((c) => c.handOffFrame !== undefined && c.notificationConnection != null);
    for (const sb of switchboards) this.handOffs.set(`${sb.notificationConnection}:${sb.handOffFrame}`, sb);
    if (switchboards.length > 0) {
      const wanted = new Set(switchboards.map((c) => c.id));
      for (let k = 0; k < log.size && this.firstCommand.size < wanted.size; k++) {
        const c = log.connection(k);
        if (wanted.has(c) && !this.firstCommand.has(c)) this.firstCommand.set(c, log.frame(k));
      }
    }
    this.findDirectConnections((result?.endpoints ?? []).filter((e) => e.observed && e.transport === 'tcp'));
  }

  /** One pass over the frames after the first offer: the first TCP connection to each offered endpoint. */
  private findDirectConnections(endpoints: EndpointRecord[]): void {
    if (endpoints.length === 0) return;
    const wanted = new Map<string, EndpointRecord[]>();
    for (const e of endpoints) {
      const key = endpointText(e.address, e.port);
      wanted.set(key, [...(wanted.get(key) ?? []), e]);
    }
    const from = Math.min(...endpoints.map((e) => e.frame));
    const t = this.table;
    for (let i = from; i < t.size && wanted.size > 0; i++) {
      if (t.stream(i) < 0) continue;
      const dst = endpointText(t.addresses.text(t.destinationId(i)), t.destinationPort(i));
      const offers = wanted.get(dst)?.filter((e) => e.frame <= i);
      if (!offers?.length) continue;
      const stream = t.stream(i);
      const first = t.framesOf(stream)[0] ?? i + 1;
      for (const endpoint of offers) {
        const found: DirectConnection = { endpoint, stream, firstFrame: first };
        this.direct.push(found);
        this.directByOffer.set(endpoint.frame, [...(this.directByOffer.get(endpoint.frame) ?? []), found]);
      }
      const left = wanted.get(dst)!.filter((e) => !offers.includes(e));
      if (left.length) wanted.set(dst, left);
      else wanted.delete(dst);
    }
  }

  private streamOf(frame: number): number {
    return this.table.stream(frame - 1);
  }

  private switchboardScope(sb: ConnectionRecord): FlowScope {
    return sb.session != null ? { kind: 'session', session: sb.session } : { kind: 'stream', stream: this.streamOf(sb.firstFrame) };
  }

  /** The link an arrow of frame `frame` on MSNP connection `connection` carries, if any. */
  /** `verb` null: any command of the frame (one arrow per frame). */
  linkOf(connection: number, frame: number, verb: string | null, fromClient: boolean): FlowLink | null {
    if (!fromClient && (verb === null || verb === 'XFR' || verb === 'RNG')) {
      const sb = this.handOffs.get(`${connection}:${frame}`);
      if (sb) {
        const to = this.firstCommand.get(sb.id) ?? sb.firstFrame;
        return { scope: this.switchboardScope(sb), frame: to, text: `→ switchboard, frame ${to}` };
      }
    }
    const direct = this.directByOffer.get(frame);
    if (direct?.length) {
      const d = direct[0];
      return { scope: { kind: 'stream', stream: d.stream }, frame: d.firstFrame, text: `→ direct ${endpointText(d.endpoint.address, d.endpoint.port)}, frame ${d.firstFrame}` };
    }
    return null;
  }

  /** The link back from a switchboard's first command to the XFR/RNG that handed it off. */
  handOffOf(sb: ConnectionRecord, frame: number): FlowLink | null {
    if (sb.handOffFrame === undefined || this.firstCommand.get(sb.id) !== frame) return null;
    return { scope: { kind: 'stream', stream: this.streamOf(sb.handOffFrame) }, frame: sb.handOffFrame, text: `← handed off in frame ${sb.handOffFrame}` };
  }
}
