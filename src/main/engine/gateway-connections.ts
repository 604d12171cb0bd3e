// MSNP over the HTTP gateway, wired into the pipeline: every HTTP TCP stream becomes an
// HttpConversation; the GatewayStitcher follows the SessionID chain across them and hands each
// logical NS/SB connection's bytes to an ordinary MsnpConnection, so the gateway's traffic is
// analysed exactly like TCP. Other HTTP exchanges are looked at once more: MSNP13+ clients fetch
// their groups and contacts from the SOAP address book (ABFindAll / ABFindContactsPaged), and
// send and fetch offline messages over the OIM SOAP service (Store2, GetMessage), in cleartext
// when the client talks to them over plain HTTP.

import type { ExpertLog } from './analysis/expert-log';
import type { OimSoapExchange } from './analysis/oim-soap';
import { GatewayStitcher } from './http/gateway-stitcher';
import { HttpConversation, type HttpExchange, type HttpExchangeListener } from './http/http-conversation';
import { bodyBytes, headerValue } from './http/http-message';
import type { MsnpConnection } from './msnp-connection';
import type { StreamConsumer } from './tcp-stream-router';

const utf8 = new TextDecoder();

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
  /** A SOAP address-book response body (XML text). */
  addressBook(xml: string): void;
  /** An exchange with the offline-message SOAP service (request and response bodies, XML text). */
  offlineMessageSoap(exchange: OimSoapExchange): void;
  /** An HTTP request or response was completed by `frame` (it is labelled HTTP, not TCP). */
  httpMessageEnd?(frame: number): void;
  expert: ExpertLog;
}

export class GatewayConnections {
  private readonly stitcher: GatewayStitcher;
  private readonly listener: HttpExchangeListener;

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
    const stitcher = this.stitcher;
    this.listener = {
      request: (ex) => {
        opts.httpMessageEnd?.(ex.request.lastFrame);
        stitcher.request(ex);
      },
      complete: (ex) => {
        if (ex.response) opts.httpMessageEnd?.(ex.response.lastFrame);
        stitcher.complete(ex);
        this.lookForSoap(ex);
      },
      note: (frame, severity, message) => stitcher.note(frame, severity, message),
    };
  }

  private lookForSoap(ex: HttpExchange): void {
    const where = ex.request.target + (headerValue(ex.request, 'SOAPAction') ?? '');
    if (/\/oim\/|oim\.asmx|rsi\.asmx/i.test(where)) {
      const { request, response } = ex;
      this.opts.offlineMessageSoap({
        requestXml: utf8.decode(bodyBytes(request)),
        responseXml: response ? utf8.decode(bodyBytes(response)) : null,
        request: { frame: request.lastFrame, tsUs: request.endTsUs },
        response: response ? { frame: response.lastFrame, tsUs: response.endTsUs } : null,
      });
      return;
    }
    if (!ex.response || !/abservice|ABFind/i.test(where)) return;
    const text = utf8.decode(bodyBytes(ex.response));
    if (/ABFind(All|ContactsPaged)Response/.test(text)) this.opts.addressBook(text);
  }

  /** A TCP stream classified as HTTP (by port or content). */
  openStream(stream: number, client: string, server: string): StreamConsumer {
    return new HttpConversation({ stream, client, server, listener: this.listener });
  }

  finish(): void {
    this.stitcher.finish();
  }
}
