// Test helper: runs an HttpStreamParser over chunks (chunk i = frame i + 1) and collects output.
import type { HttpMessage, HttpRequest, HttpResponse } from '../../src/main/engine/http/http-message';
import { bodyBytes } from '../../src/main/engine/http/http-message';
import { HttpStreamParser, type HttpStreamParserOptions } from '../../src/main/engine/http/http-stream-parser';

export const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
export const bodyText = (m: HttpMessage): string => new TextDecoder().decode(bodyBytes(m));

export interface ParserRun {
  parser: HttpStreamParser;
  messages: HttpMessage[];
  notHttp: string[];
  notes: string[];
}

export function parserRun(extra: Partial<HttpStreamParserOptions> = {}): ParserRun {
  const run: ParserRun = { parser: null as unknown as HttpStreamParser, messages: [], notHttp: [], notes: [] };
  run.parser = new HttpStreamParser({
    onMessage: (m) => run.messages.push(m),
    onNotHttp: (_f, reason) => run.notHttp.push(reason),
    onNote: (_f, _s, m) => run.notes.push(m),
    ...extra,
  });
  return run;
}

export function parseChunks(chunks: Array<string | Uint8Array>, extra: Partial<HttpStreamParserOptions> = {}, end = true): ParserRun {
  const run = parserRun(extra);
  chunks.forEach((c, i) => run.parser.push(typeof c === 'string' ? enc(c) : c, i + 1, (i + 1) * 10));
  if (end) run.parser.end(chunks.length, chunks.length * 10);
  return run;
}

export const asRequest = (m: HttpMessage | undefined): HttpRequest => {
  if (m?.kind !== 'request') throw new Error('not a request');
  return m;
};
export const asResponse = (m: HttpMessage | undefined): HttpResponse => {
  if (m?.kind !== 'response') throw new Error('not a response');
  return m;
};
