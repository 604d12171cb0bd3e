// Offline messages end to end on the synthetic capture of offline-scenario.ts (UUM and UBM on
// alice's notification connection, an OIM stored over SOAP in clear, announced to bob and fetched
// by him); expected values are that file's, read from the bytes written there.
import { describe, expect, it } from 'vitest';
import { analyzeCaptureFiles } from '../../src/main/engine/analyze-files';
import { csvReport } from '../../src/main/report/csv-report';
import { textReport } from '../../src/main/report/text-report';
import { compileFilter } from '../../src/shared/display-filter/compile-filter';
import type { FrameFields } from '../../src/shared/display-filter/frame-fields';
import { ALICE, BOB, OIM_ID, offlineFrames as frames, STORED, TO_BOB, YAHOO } from './offline-scenario';
import { readAllFrames } from '../helpers/capture-builder';
import { treeLabels } from '../helpers/tree-labels';
import { frameContaining, isoUs, writeFrames } from './synthetic';

const fields: FrameFields[] = [];
const { result } = await analyzeCaptureFiles([writeFrames(frames)], {}, { frameFields: (f) => fields.push(f) });
const tsOf = (frame: number): string => isoUs(frames[frame - 1].tsUs);
const uumText = frameContaining(frames, 'UUM 4 ');
const uumBob = frameContaining(frames, 'UUM 7 ');
const ubm = frameContaining(frames, 'UBM ');
const store2 = frameContaining(frames, 'POST /OimWS');
const notification = frameContaining(frames, 'MSG Hotmail Hotmail');
const [aliceNs, bobNs] = [result.connections.find((c) => c.account === ALICE)!.id, result.connections.find((c) => c.account === BOB)!.id];

describe('offline messages', () => {
  it('lists each text UUM and UBM with sender, recipient, network, time and frame; typing and nudge UUMs are not messages', () => {
    expect(result.offlineMessages.slice(0, 2)).toEqual([
      { frame: uumText, time: tsOf(uumText), source: 'UUM', from: ALICE, to: YAHOO, text: 'negatively acknowledged?', networkId: 32, connections: [aliceNs] },
      { frame: uumBob, time: tsOf(uumBob), source: 'UUM', from: ALICE, to: BOB, text: TO_BOB, networkId: 1, connections: [aliceNs] },
    ]);
    expect(result.offlineMessages[2]).toEqual({ frame: ubm, time: tsOf(ubm), source: 'UBM', from: YAHOO, to: ALICE, text: 'Hi from Yahoo', networkId: 32, connections: [aliceNs] });
    expect(result.commandCounts).toMatchObject({ UUM: 4, UBM: 1 });
    expect(result.expert.filter((e) => e.severity !== 'note')).toEqual([]);
  });

  it('reads the message stored over SOAP in clear (Store2), never the ticket', () => {
    expect(result.offlineMessages[3]).toEqual({ frame: store2, time: tsOf(store2), source: 'oim-soap', from: ALICE, nick: 'Alice A', to: BOB, text: STORED, connections: [] });
    expect(JSON.stringify(result)).not.toContain('SECRETTICKET');
  });

  it('lists the OIM the notification announces, its text filled in by the GetMessage that fetched it', () => {
    expect(result.offlineMessages[4]).toEqual({
      frame: notification, time: tsOf(notification), source: 'oim-notification', from: ALICE, nick: 'Alice A', to: BOB, text: STORED,
      sentTime: '2005-11-15T22:24:27.000Z', id: OIM_ID, connections: [bobNs],
    });
    expect(result.offlineMessages).toHaveLength(5);
  });

  it('msnp.text contains "offline" matches the UUM frame with that text and no other', () => {
    const filter = compileFilter('msnp.text contains "offline"');
    if (!filter.ok) throw new Error(filter.error);
    expect(fields.filter((f) => filter.predicate(f)).map((f) => f.number)).toEqual([uumBob]);
    const yahoo = compileFilter('msnp.text contains "negatively"');
    if (!yahoo.ok) throw new Error(yahoo.error);
    expect(fields.filter((f) => yahoo.predicate(f)).map((f) => f.number)).toEqual([uumText]);
  });

  it("the UUM's body is shown as a MIME message in the command tree", async () => {
    const { analyzer } = await analyzeCaptureFiles([writeFrames(frames)], { collectFrames: true });
    const { frames: read } = await readAllFrames(writeFrames(frames));
    const labels = treeLabels(analyzer.describeFrame({ ...read[uumBob - 1], number: uumBob }).tree);
    expect(labels).toEqual(expect.arrayContaining(['Message headers (3): text/plain', 'Chat text', `Text: ${TO_BOB}`, 'Font: Segoe UI']));
  });

  it('appear in the text report and the CSV', () => {
    const text = textReport(result);
    expect(text).toContain('== Offline messages');
    expect(text).toContain(`frame ${uumBob} UUM: ${ALICE} → ${BOB}: ${TO_BOB}`);
    expect(text).toContain(`frame ${notification} oim-notification: Alice A <${ALICE}> → ${BOB} (sent 2005-11-15T22:24:27.000Z): ${STORED}`);
    const csv = csvReport(result).split('\r\n');
    expect(csv).toContain(`offline,${uumText},${tsOf(uumText)},${ALICE},,negatively acknowledged?`);
    expect(csv).toContain(`offline,${ubm},${tsOf(ubm)},${YAHOO},,Hi from Yahoo`);
  });
});
