// One notice at a time (errors stay until dismissed, information fades after a few seconds).
// A strip in the layout under the filter bar, not a layer over it: it pushes the panes down and
// never covers a control. Closed with its button or Escape.

import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { CapturedText } from '../../components/CapturedText';
import { useAnalyzer } from '../../store/analyzer-state';

export function NoticeBanner() {
  const { notice, dismiss } = useAnalyzer(useShallow((s) => ({ notice: s.notice, dismiss: s.dismissNotice })));
  useEffect(() => {
    if (notice?.kind !== 'info') return;
    const timer = setTimeout(dismiss, 5000);
    return () => clearTimeout(timer);
  }, [notice, dismiss]);
  useEffect(() => {
    if (!notice) return;
    const escape = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) dismiss();
    };
    document.addEventListener('keydown', escape);
    return () => document.removeEventListener('keydown', escape);
  }, [notice, dismiss]);
  if (!notice) return null;
  return (
    <div className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="notice">
      <span className="notice-text"><CapturedText text={notice.text} /></span>
      <button type="button" className="notice-close" aria-label="Dismiss" title="Dismiss (Esc)" onClick={dismiss}>×</button>
    </div>
  );
}
