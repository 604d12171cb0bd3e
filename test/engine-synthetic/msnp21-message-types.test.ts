// MSNP21: every SDG Message-Type the public documents name (MSNPSharp MessageTypes, KB_MSNP21,
// AnyEvent::MSN) lands for what it is — typing, nudge and wink as transcript events, emoticons
// and signals in the tree only — and a Message-Type nobody documents is an expert note. None is a
// chat line, even when its body is text/plain that reads like chat (as CloseIMWindow's does).
// NFY documents other than presence (/circle rosters, /network) are not presence.
import { describe, expect, it } from 'vitest';
import { analyzeCaptureFiles } from '../../src/main/engine/analyze-files';
import { mergeCaptures } from '../../src/main/engine/capture/merge-captures';
import type { TreeNode } from '../../src/shared/model';
import { msnp21Connection, sdgBody } from './msnp21-builders';
import { frameContaining, payloadCommand, T0_US, writeFrames } from './synthetic';

const ALICE = 'alice@live.com';
const BOB = 'bob@live.com';
const A = `1:${ALICE};epid={F52973B6-C926-4BAD-9BA8-7C1E840E4AB0}`;
const B = `1:${BOB};epid={2B3C4D5E-6F70-4182-93A4-B5C6D7E8F901}`;
const GROUP = '10:588e793a-003d-0003-4136-314b00000000@live.com';
const MSNOBJ = '<msnobj Creator="bob@live.com" Size="2048" Type="2" Location="0" Friendly="AAA=" SHA1D="ORqJ9HXpyhzHkSi6kjU0pYqlNGE="/>';
const PLAIN = 'text/plain; charset=UTF-8';

// [Message-Type, Content-Type, body]; each body is distinct so a frame can be found by it.
const SIGNALS: Array<[string, string]> = [
  ['Signal/CloseIMWindow', `1:${BOB}/1:${ALICE}`],
  ['Signal/MarkIMWindowRead', `1:${BOB}/1:${ALICE} read`],
  ['Signal/ForceAbchSync', 'abch sync please'],
  ['Signal/Turn', 'turn relay body'],
  ['Signal/AudioMeta', 'audio meta body'],
  ['Signal/AudioTunnel', 'audio tunnel body'],
];
const UNKNOWN: Array<[string, string, string]> = [
  ['Signal/Teleport', PLAIN, 'this reads like chat but is not'],
  ['Data', PLAIN, 'data that is not P2P'],
];

const fromBob = (messageType: string, contentType: string, body: string) => ({ from: 'server' as const, payload: payloadCommand('SDG 0', sdgBody({ from: B, to: A, messageType, contentType, body })) });
const nfy = (verb: string, from: string, uri: string, contentType: string, xml: string) => {
  const body = `Routing: 1.0\r\nTo: ${A}\r\nFrom: ${from}\r\n\r\nReliability: 1.0\r\n\r\nNotification: 1.0\r\nUri: ${uri}\r\nContent-Type: ${contentType}\r\nContent-Length: ${xml.length}\r\n\r\n${xml}`;
  return { from: 'server' as const, payload: payloadCommand(`NFY ${verb}`, body) };
};
const ROSTER = `<circle><roster><id>IM</id><user><id>1:${BOB}</id></user></roster></circle>`;

const frames = msnp21Connection(ALICE, T0_US, [
  fromBob('Text', PLAIN, 'the only chat line'),
  fromBob('Control/Typing', 'text/x-msmsgscontrol', ''),
  fromBob('Nudge', 'text/x-msnmsgr-datacast', 'ID: 1\r\n\r\n'),
  fromBob('Wink', 'text/x-msnmsgr-datacast', `ID: 2\r\nData: ${MSNOBJ}\r\n\r\n`),
  fromBob('CustomEmoticon', 'text/x-mms-emoticon', `(pig)\t${MSNOBJ}\t`),
  ...SIGNALS.map(([type, body]) => fromBob(type, PLAIN, body)),
  ...UNKNOWN.map(([type, contentType, body]) => fromBob(type, contentType, body)),
  nfy('PUT', GROUP, '/circle', 'application/circles+xml', ROSTER),
  nfy('PUT', '14:fb', '/network', 'application/network+xml', '<network><status>SigningIn</status></network>'),
  nfy('PUT', B, '/user', 'application/user+xml', '<user><s n="IM"><Status>BSY</Status></s></user>'),
  // A Status element outside a /user document is not bob's status.
  nfy('PUT', B, '/wormhole', 'application/wormhole+xml', '<wormhole><Status>AWY</Status></wormhole>'),
]);

const path = writeFrames(frames);
const { result, analyzer } = await analyzeCaptureFiles([path], { collectFrames: true });

async function treeOf(number: number): Promise<TreeNode[]> {
  for await (const f of mergeCaptures([path])) if (f.number === number) return analyzer.describeFrame(f).tree;
  throw new Error(`no frame ${number}`);
}
const labels = (nodes: TreeNode[]): string[] => nodes.flatMap((n) => [n.label, ...labels(n.children ?? [])]);

describe('MSNP21 SDG message types', () => {
  it('puts only the Text message in the transcript', () => {
    expect(result.sessions).toHaveLength(1);
    expect(result.sessions[0].messages.map((m) => [m.from, m.text])).toEqual([[BOB, 'the only chat line']]);
  });

  it('makes typing, nudge and wink transcript events, in order, and nothing else', () => {
    expect((result.sessions[0].events ?? []).map((e) => [e.frame, e.kind, e.account])).toEqual([
      [frameContaining(frames, 'Control/Typing'), 'typing', BOB],
      [frameContaining(frames, 'Message-Type: Nudge'), 'nudge', BOB],
      [frameContaining(frames, 'Message-Type: Wink'), 'wink', BOB],
    ]);
    expect(result.sessions[0].typing).toBe(1);
  });

  it.each(SIGNALS)('names %s in the tree, with its body', async (type, body) => {
    const tree = labels(await treeOf(frameContaining(frames, body)));
    expect(tree.some((l) => l.startsWith(`Signal: ${type} (`))).toBe(true);
    expect(tree).toContain(`Signal body: ${body}`);
    expect(tree.some((l) => l.startsWith('Chat text'))).toBe(false);
  });

  it('shows custom emoticons in the tree, not as an event or text', async () => {
    const tree = labels(await treeOf(frameContaining(frames, 'CustomEmoticon')));
    expect(tree).toContain(`(pig) → ${MSNOBJ}`);
  });

  it('lists each undocumented Message-Type, and only those, as an expert note', () => {
    const notes = result.expert.filter((e) => e.message.startsWith('SDG with unknown Message-Type'));
    expect(notes.map((e) => e.frame)).toEqual(UNKNOWN.map(([, , body]) => frameContaining(frames, body)));
    expect(notes.map((e) => e.message)).toEqual(UNKNOWN.map(([type, contentType]) => `SDG with unknown Message-Type "${type}" (${contentType.split(';')[0]}): not shown in the transcript`));
  });
});

describe('MSNP21 NFY documents that are not presence', () => {
  it('records presence from the /user document only', () => {
    expect(result.presence.map((p) => [p.frame, p.account, p.status])).toEqual([[frameContaining(frames, 'Uri: /user'), BOB, 'BSY']]);
  });

  it('notes the unknown document, not the documented ones', () => {
    expect(result.expert.filter((e) => e.message.startsWith('NFY document')).map((e) => [e.frame, e.message])).toEqual([
      [frameContaining(frames, 'Uri: /wormhole'), 'NFY document /wormhole (application/wormhole+xml) is not analysed'],
    ]);
  });
});
