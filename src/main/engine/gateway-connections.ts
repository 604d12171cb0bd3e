// MSNP over the HTTP gateway, wired into the pipeline: every HTTP TCP stream becomes an
// HttpConversation; the GatewayStitcher follows the SessionID chain across them and hands each
// logical NS/SB connection's bytes to an ordinary MsnpConnection, so the gateway's traffic is
// analysed exactly like TCP.

import type { ExpertLog } from './analysis/expert-log';
import { GatewayStitcher } from './http/gateway-stitcher';
import { HttpConversation } from './http/http-conversation';
import type { MsnpConnection } from './msnp-connection';
import type { StreamConsumer } from './tcp-stream-router';

export interface GatewayOpen {
  client: string;
  server: string;
  firstFrame: number;
  tsUs: number;
  serverKind: 'NS' | 'SB' | null;
}

export interface GatewayConnectionsOptions {
  openConnection(open: GatewayOpen): MsnpConnection;
  /** The logical connection ended (its session was closed or the capture ended). */
  closeConnection(conn: MsnpConnection, frame: number, tsUs: number): void;
  expert: ExpertLog;
}

export class GatewayConnections {
  private readonly stitcher: GatewayStitcher;

  constructor(private readonly opts: GatewayConnectionsOptions) {
    this.stitcher = new GatewayStitcher({
      onConnection: (info) => {
        const conn = opts.openConnection({ client: info.client, server: info.server, firstFrame: info.firstFrame, tsUs: info.tsUs, serverKind: info.serverKind });
        return {
          data: (direction, bytes, frame, tsUs) => conn.data(direction, bytes, frame, tsUs),
          end: (frame, tsUs) => {
            conn.end('c2s', frame, tsUs);
            conn.end('s2c', frame, tsUs);
            opts.closeConnection(conn, frame, tsUs);
          },
        };
      },
      onNote: (frame, severity, message) => opts.expert.add(frame, severity, message),
    });
  }

  /** A TCP stream classified as HTTP (by port or content). */
  openStream(stream: number, client: string, server: string): StreamConsumer {
    return new HttpConversation({ stream, client, server, listener: this.stitcher });
  }

  finish(): void {
    this.stitcher.finish();
  }
}
