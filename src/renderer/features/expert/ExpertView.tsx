// Expert information grouped like Wireshark's: one line per severity and kind of message, with how
// many notes it holds; expanding it lists its frames, clicking one selects that frame. The back
// end sends the groups (result.expertGroups), never the notes one by one.

import { useMemo, useState } from 'react';
import type { ExpertGroup } from '../../../shared/model';
import { CapturedText } from '../../components/CapturedText';
import { analyzerStore, useAnalyzer } from '../../store/analyzer-state';
import { notesBySeverity, shownExpertGroups, type SeverityChoice } from './expert-group-filter';

const EMPTY: ExpertGroup[] = [];
/** Groups drawn at once; the filters narrow the rest. */
const SHOWN_GROUPS = 500;

const groupId = (g: ExpertGroup): string => `${g.severity}\u0000${g.summary}`;

function GroupFrames({ group }: { group: ExpertGroup }) {
  const frames = useMemo(() => [...new Set(group.frames.filter((f) => f > 0))].sort((a, b) => a - b), [group.frames]);
  const selected = useAnalyzer((s) => s.selectedFrame);
  return (
    <div className="expert-frames" role="group">
      {group.count > 1 && <div className="expert-example">e.g. <CapturedText text={group.example} /></div>}
      {frames.map((frame) => (
        <button key={frame} type="button" className={`link-button expert-frame${frame === selected ? ' selected' : ''}`} data-testid="expert-frame" data-frame={frame}
          aria-current={frame === selected ? 'true' : undefined}
          onClick={() => analyzerStore.getState().selectFrame(frame, true)}>
          {frame}
        </button>
      ))}
      {group.count > group.frames.length && <span className="expert-more">… the first {group.frames.length.toLocaleString('en-US')} of {group.count.toLocaleString('en-US')} notes</span>}
    </div>
  );
}

function GroupLine({ group, open, onToggle }: { group: ExpertGroup; open: boolean; onToggle(): void }) {
  return (
    <li role="treeitem" aria-expanded={open} aria-selected={false} className={`expert-group expert-${group.severity}`} data-testid="expert-group">
      <button type="button" className="expert-group-line" onClick={onToggle}>
        <span className="expert-twisty" aria-hidden="true">{open ? '▾' : '▸'}</span>
        <span className={`severity-badge severity-${group.severity}`}>{group.severity}</span>
        <span className="expert-summary"><CapturedText text={group.count > 1 ? group.summary : group.example} /></span>
        <span className="expert-count" data-testid="expert-count">×{group.count.toLocaleString('en-US')}</span>
      </button>
      {open && <GroupFrames group={group} />}
    </li>
  );
}

export function ExpertView() {
  const groups = useAnalyzer((s) => s.result?.expertGroups ?? EMPTY);
  const [severity, setSeverity] = useState<SeverityChoice>('all');
  const [text, setText] = useState('');
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const shown = useMemo(() => shownExpertGroups(groups, severity, text), [groups, severity, text]);
  const totals = useMemo(() => notesBySeverity(groups), [groups]);
  const toggle = (id: string) => setOpen((previous) => {
    const next = new Set(previous);
    if (!next.delete(id)) next.add(id);
    return next;
  });

  return (
    <div className="expert-view">
      <div className="expert-filters">
        <select aria-label="Severity" value={severity} onChange={(e) => setSeverity(e.target.value as SeverityChoice)}>
          <option value="all">All severities</option>
          <option value="error">Errors ({totals.error.toLocaleString('en-US')})</option>
          <option value="warning">Warnings ({totals.warning.toLocaleString('en-US')})</option>
          <option value="note">Notes ({totals.note.toLocaleString('en-US')})</option>
        </select>
        <input type="search" aria-label="Filter expert notes" placeholder="Filter messages…" value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      {groups.length === 0
        ? <div className="pane-placeholder">No expert notes: nothing unusual was found.</div>
        : shown.length === 0
          ? <div className="pane-placeholder">No expert notes match the filter.</div>
          : (
            <ul className="expert-groups pane-scroll" role="tree" aria-label="Expert information">
              {shown.slice(0, SHOWN_GROUPS).map((g) => <GroupLine key={groupId(g)} group={g} open={open.has(groupId(g))} onToggle={() => toggle(groupId(g))} />)}
              {shown.length > SHOWN_GROUPS && <li className="expert-more" role="none">{(shown.length - SHOWN_GROUPS).toLocaleString('en-US')} more kinds: narrow the filter</li>}
            </ul>
          )}
    </div>
  );
}
