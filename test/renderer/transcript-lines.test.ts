// Merging a session's messages and events into transcript lines, and their wording.
import { describe, expect, it } from 'vitest';
import type { SessionRecord } from '../../src/shared/model';
import { eventText, transcriptLines } from '../../src/shared/transcript-lines';

describe('transcript lines', () => {
  const session: SessionRecord = {
    id: 1, connections: [], typing: 1, participants: [],
    messages: [{ frame: 20, time: 't2', from: 'a', nick: 'A', text: 'hello' }, { frame: 40, time: 't4', from: 'b', nick: 'B', text: 'hi' }],
    events: [
      { frame: 30, time: 't3', kind: 'typing', account: 'b' },
      { frame: 10, time: 't1', kind: 'join', account: 'b', detail: 'answered' },
      { frame: 40, time: 't4', kind: 'message', account: 'b' },
      { frame: 20, time: 't2', kind: 'nudge', account: 'a' },
    ],
  };
  it('merges messages and events by frame, without repeating a message', () => {
    expect(transcriptLines(session).map((l) => (l.type === 'message' ? l.message.text : l.event.kind))).toEqual(['join', 'hello', 'nudge', 'typing', 'hi']);
  });
  it('words events', () => {
    expect(eventText({ frame: 1, time: '', kind: 'join', account: 'b', detail: 'answered' })).toBe('answered');
    expect(eventText({ frame: 1, time: '', kind: 'ringing', account: 'b', detail: 'called by a' })).toBe('is ringing (called by a)');
    expect(eventText({ frame: 1, time: '', kind: 'invitation', account: 'b', detail: 'file hello.txt' })).toBe('invitation: file hello.txt');
    expect(eventText({ frame: 1, time: '', kind: 'nudge', account: 'b' })).toBe('sent a nudge');
  });
});
