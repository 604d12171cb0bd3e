// Expert notes grouped like Wireshark's Expert Information. On a shared capture with segments
// taken out (test/helpers/without-every-other-ping.ts: every other client PNG of the 2005 Wireshark
// sample dropped, each hole found again from the bytes), every hole must be one note of the one
// group "N bytes missing from the client…", with the frame where data resumes. tshark 4.0 as a
// second opinion on the written file (`-Y tcp.analysis.lost_segment`, from port 1037) flags the
// same 19 frames: 18, 42, 62, 87, 105, 121, 128, 151, 174, 201, 212, 224, 236, 240, 281, 298, 313,
// 333, 342 (the 20th dropped PNG has no client data after it, only the server's ACK).
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeCaptureFiles } from '../../src/main/engine/analyze-files';
import { EXPERT_GROUP_FRAMES, ExpertGrouper, expertSummary } from '../../src/shared/expert-grouping';
import { CAPTURES } from '../helpers/captures';
import { PNG, withoutEveryOtherPing } from '../helpers/without-every-other-ping';

const written: string[] = [];
afterAll(() => {
  for (const path of written) rmSync(dirname(path), { recursive: true, force: true });
});

describe('expert groups on a shared capture with segments taken out', () => {
  it('makes one group of the missing-bytes notes, with a note per hole and its frame', async () => {
    const { path, dropped, holes } = await withoutEveryOtherPing();
    written.push(path);
    expect(dropped).toBe(20);
    expect(holes).toHaveLength(19);
    expect(new Set(holes.map((h) => h.bytes))).toEqual(new Set([PNG.length]));
    const { result } = await analyzeCaptureFiles([path]);
    expect(result.expertGroups).toEqual([{
      severity: 'warning',
      summary: 'N bytes missing from the client (segment not captured); resynchronising',
      example: '5 bytes missing from the client (segment not captured); resynchronising',
      count: 19,
      frames: holes.map((h) => h.frame),
    }]);
    // The per-note list says the same, note by note.
    expect(result.expert.map((e) => e.frame)).toEqual(holes.map((h) => h.frame));
  });

  it('has no groups for the untouched capture (it has no expert notes)', async () => {
    const { result } = await analyzeCaptureFiles([CAPTURES.wireshark2005]);
    expect(result.expert).toEqual([]);
    expect(result.expertGroups).toEqual([]);
  });
});

describe('the group key of a message', () => {
  it.each([
    ['warning', '1460 bytes missing from the server (segment not captured); resynchronising', 'N bytes missing from the server (segment not captured); resynchronising'],
    ['warning', 'no reply to ADC 12', 'no reply to ADC N'],
    ['error', '911 Authentication failed (reply to USR 3)', '911 Authentication failed (reply to USR N)'],
    ['note', 'HTTP gateway request without a captured response (SessionID 9a45cf16-fd38-44b0-acb1-22c6fac5f1b2)', 'HTTP gateway request without a captured response (SessionID ID)'],
    ['note', 'Direct connection 10.0.0.2:6891 ↔ 10.0.0.3:50123: closed', 'Direct connection ADDR ↔ ADDR: closed'],
    ['warning', 'MSNFTP announces 10 bytes but the invitation said 12 for "a.txt"', 'MSNFTP announces N bytes but the invitation said N for "…"'],
    ['warning', 'P2P v2: bad header for bob@example.com', 'P2P v2: bad header for ACCOUNT'],
  ] as const)('%s "%s"', (severity, message, summary) => {
    expect(expertSummary(severity, message)).toBe(summary);
  });
});

describe('the grouper', () => {
  it('counts every note but keeps the first frames only', () => {
    const grouper = new ExpertGrouper();
    const notes = EXPERT_GROUP_FRAMES + 270;
    for (let frame = 1; frame <= notes; frame++) grouper.add(frame, 'warning', `${frame} bytes missing from the client`);
    const [group] = grouper.all();
    expect(group.count).toBe(notes);
    expect(group.frames).toHaveLength(EXPERT_GROUP_FRAMES);
    expect(group.frames.at(-1)).toBe(EXPERT_GROUP_FRAMES);
  });

  it('keeps severities apart and puts kinds past its limit in one group per severity', () => {
    const grouper = new ExpertGrouper(2);
    grouper.add(1, 'warning', 'no reply to ADC 1');
    grouper.add(2, 'error', 'no reply to ADC 2');
    grouper.add(3, 'note', 'file a.txt dropped');
    grouper.add(4, 'note', 'file b.txt dropped');
    grouper.add(5, 'warning', 'no reply to ADC 5');
    expect(grouper.all().map((g) => [g.severity, g.summary, g.count, g.frames])).toEqual([
      ['warning', 'no reply to ADC N', 2, [1, 5]],
      ['error', 'no reply to ADC N', 1, [2]],
      ['note', 'Further kinds of notes (more than 2 kinds in all)', 2, [3, 4]],
    ]);
  });

  it('hands out copies that later notes do not change', () => {
    const grouper = new ExpertGrouper();
    grouper.add(1, 'note', 'seen');
    const before = grouper.all();
    grouper.add(2, 'note', 'seen');
    expect(before[0]).toMatchObject({ count: 1, frames: [1] });
  });
});
