// MSNP21: messages in SDG on the notification connection, grouped into one session per
// conversation; presence in NFY PUT/DEL.
import { describe, expect, it } from 'vitest';
import { runScript } from './script';

const enc = new TextEncoder();

function sdg(frame: number, conn: number, dir: 'C' | 'S', from: string, to: string, type: string, contentType: string, text: string): string {
  const body = [
    'Routing: 1.0',
    `To: ${to}`,
    `From: ${from}`,
    '',
    'Reliability: 1.0',
    'Stream: 1',
    'Segment: 0',
    '',
    'Messaging: 2.0',
    `Message-Type: ${type}`,
    `Content-Type: ${contentType}`,
    `Content-Length: ${enc.encode(text).length}`,
    '',
    text,
  ].join('\r\n');
  const head = dir === 'C' ? `SDG ${frame}` : 'SDG 0';
  return `${frame} ${conn} ${dir}: ${head} ${enc.encode(body).length}\n${body.split('\r\n').map((l) => (l ? `| ${l}` : '|')).join('\n')}\n`;
}

const A = '1:alice@example.com;epid={42b97f22-15c1-2133-28b8-864229612f7e}';
const B = '1:bob@example.com;epid={960748a6-b9d0-312a-4569-b15f5be85736}';
const HEAD = `conn 1 10.0.0.2:1025 10.0.0.1:1863
conn 2 10.0.0.3:1026 10.0.0.1:1863
1 1 C: USR 3 SSO I alice@example.com
2 2 C: USR 3 SSO I bob@example.com
`;

describe('MSNP21 conversations', () => {
  it('groups SDG messages by account pair; each message once; typing and nudges', () => {
    const r = runScript(
      HEAD +
        sdg(10, 1, 'C', A, B, 'Text', 'text/plain; charset=UTF-8', 'Hi Bob, MSNP21 here') +
        sdg(11, 2, 'S', A, B, 'Text', 'text/plain; charset=UTF-8', 'Hi Bob, MSNP21 here') +
        sdg(12, 2, 'C', B, A, 'Control/Typing', 'text/x-msmsgscontrol', '') +
        sdg(13, 1, 'S', B, A, 'Control/Typing', 'text/x-msmsgscontrol', '') +
        sdg(14, 2, 'C', B, A, 'Text', 'text/plain; charset=UTF-8', '你好') +
        sdg(15, 1, 'S', B, A, 'Text', 'text/plain; charset=UTF-8', '你好') +
        sdg(16, 1, 'C', A, B, 'Nudge', 'text/x-msnmsgr-datacast', 'ID: 1\r\n\r\n'),
    );
    const sessions = r.analysis.sessions();
    expect(sessions).toHaveLength(1);
    const [s] = sessions;
    expect(s.connections).toEqual([1, 2]);
    expect(s.messages.map((m) => [m.frame, m.from, m.text])).toEqual([
      [10, 'alice@example.com', 'Hi Bob, MSNP21 here'],
      [14, 'bob@example.com', '你好'],
    ]);
    expect(s.typing).toBe(1);
    expect(s.events?.filter((e) => e.kind === 'nudge').map((e) => e.account)).toEqual(['alice@example.com']);
    expect(s.participants.map((p) => p.account)).toEqual(['alice@example.com', 'bob@example.com']);
    expect(r.at(10)).toMatchObject({ kind: 'chat', session: s.id, texts: ['Hi Bob, MSNP21 here'], version: 'MSNP21' });
    // The notification connections stay notification connections, outside any one session.
    expect(r.analysis.connections().map((c) => [c.role, c.session])).toEqual([
      ['notification', null],
      ['notification', null],
    ]);
  });

  it('another pair is another conversation; a group address is its own', () => {
    const C = '1:carol@example.com';
    const G = '9:00000000-0000-0000-0009-000000000001@live.com';
    const r = runScript(
      HEAD +
        sdg(10, 1, 'C', A, B, 'Text', 'text/plain; charset=UTF-8', 'to bob') +
        sdg(11, 1, 'C', A, C, 'Text', 'text/plain; charset=UTF-8', 'to carol') +
        sdg(12, 1, 'C', A, G, 'Text', 'text/plain; charset=UTF-8', 'to the group'),
    );
    expect(r.analysis.sessions().map((s) => s.messages.map((m) => m.text))).toEqual([['to bob'], ['to carol'], ['to the group']]);
    expect(r.analysis.sessions()[2].participants.map((p) => p.account)).toEqual(['alice@example.com']);
  });

  it('NFY PUT carries status, name and personal message; NFY DEL is offline', () => {
    const doc = '<user><s n="PE"><FriendlyName>Bob%20B</FriendlyName><PSM>On MSNP21</PSM></s><s n="IM"><Status>AWY</Status></s></user>';
    const body = ['Routing: 1.0', 'To: 1:alice@example.com', `From: ${B}`, '', 'Reliability: 1.0', '', 'Notification: 1.0', 'Content-Type: application/user+xml', `Content-Length: ${doc.length}`, '', doc].join('\r\n');
    const del = ['Routing: 1.0', 'To: 1:alice@example.com', `From: ${B}`, '', 'Reliability: 1.0', '', 'Notification: 1.0', 'Content-Length: 0', '', ''].join('\r\n');
    const lines = (b: string): string => b.split('\r\n').map((l) => (l ? `| ${l}` : '|')).join('\n');
    const r = runScript(`${HEAD}5 1 S: NFY PUT ${body.length}\n${lines(body)}\n6 1 S: NFY DEL ${del.length}\n${lines(del)}\n`);
    expect(r.analysis.presence().map((p) => [p.frame, p.account, p.status, p.nick, p.personalMessage ?? null])).toEqual([
      [5, 'bob@example.com', 'AWY', 'Bob B', 'On MSNP21'],
      [6, 'bob@example.com', 'FLN', 'Bob B', null],
    ]);
  });
});
