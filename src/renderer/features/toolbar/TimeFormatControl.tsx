// The toolbar's Time Display Format control (View → Time Display Format in Electron's menu):
// the Time column's format and precision, remembered across sessions (navigation-actions.ts).

import { useShallow } from 'zustand/react/shallow';
import { useActions } from '../../app/analyzer-context';
import { TIME_FORMATS, TIME_PRECISIONS, type TimeFormat, type TimePrecision } from '../../format/time-display';
import { useAnalyzer } from '../../store/analyzer-state';

export function TimeFormatControl() {
  const actions = useActions();
  const { format, precision } = useAnalyzer(useShallow((s) => ({ format: s.timeFormat, precision: s.timePrecision })));
  return (
    <span className="time-format-control" role="group" aria-label="Time display format">
      <select
        data-testid="time-format"
        aria-label="Time display format"
        title="Time display format (what the Time column shows)"
        value={format}
        onChange={(e) => actions.setTimeDisplay({ format: e.target.value as TimeFormat })}
      >
        {TIME_FORMATS.map((f) => <option key={f.format} value={f.format}>{f.label}</option>)}
      </select>
      <select
        data-testid="time-precision"
        aria-label="Time precision"
        title="Digits after the decimal point (lower precisions truncate, as in Wireshark)"
        value={precision}
        onChange={(e) => actions.setTimeDisplay({ precision: e.target.value as TimePrecision })}
      >
        {TIME_PRECISIONS.map((p) => <option key={p.precision} value={p.precision}>{p.label}</option>)}
      </select>
    </span>
  );
}
