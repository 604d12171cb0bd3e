// Live capture controls: interface picker, BPF capture filter (checked with the back end when
// edited and before a start; libpcap's reason for refusing it shows right under the field) and
// start/stop.

import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { InterfaceInfo } from '../../../shared/ipc-contract';
import { useActions } from '../../app/analyzer-context';
import { IconRefresh, IconStart, IconStop } from '../../components/icons';
import { useAnalyzer } from '../../store/analyzer-state';

function interfaceLabel(i: InterfaceInfo): string {
  const what = i.description && i.description !== i.name ? `${i.name} — ${i.description}` : i.name;
  const address = i.addresses[0] ? ` (${i.addresses[0]})` : '';
  return `${what}${address}${i.up ? '' : ' [down]'}`;
}

export function InterfacePicker({ testId = 'interface-select' }: { testId?: string }) {
  const actions = useActions();
  const { interfaces, error, device, setDevice, capturing } = useAnalyzer(useShallow((s) => ({
    interfaces: s.interfaces, error: s.interfacesError, device: s.device, setDevice: s.setDevice, capturing: s.capturing,
  })));
  useEffect(() => {
    if (interfaces === null) void actions.loadInterfaces();
  }, [interfaces, actions]);
  return (
    <span className="interface-picker">
      <select
        aria-label="Capture interface"
        data-testid={testId}
        value={device}
        disabled={capturing || !interfaces || interfaces.length === 0}
        title={error ?? 'Interface to capture on'}
        onChange={(e) => setDevice(e.target.value)}
      >
        {interfaces === null && <option value="">Loading interfaces…</option>}
        {interfaces?.length === 0 && <option value="">{error ? `No interfaces: ${error}` : 'No interfaces found'}</option>}
        {interfaces?.map((i) => <option key={i.name} value={i.name}>{interfaceLabel(i)}</option>)}
      </select>
      <button type="button" className="icon-button" title="Refresh the interface list" aria-label="Refresh interfaces" disabled={capturing} onClick={() => void actions.loadInterfaces()}>
        <IconRefresh />
      </button>
    </span>
  );
}

const CAPTURE_FILTER_ERROR_ID = 'capture-filter-error';

export function CaptureControls() {
  const actions = useActions();
  const { captureFilter, setCaptureFilter, check, capturing, busy, device } = useAnalyzer(useShallow((s) => ({
    captureFilter: s.captureFilter, setCaptureFilter: s.setCaptureFilter, check: s.captureFilterCheck,
    capturing: s.capturing, busy: s.captureBusy, device: s.device,
  })));
  const checkClass = check.status === 'valid' ? 'valid' : check.status === 'invalid' ? 'invalid' : '';
  return (
    <div className="capture-controls" role="group" aria-label="Live capture">
      <InterfacePicker />
      <span className="capture-filter-field">
        <input
          className={`capture-filter ${checkClass}`}
          aria-label="Capture filter (BPF)"
          aria-invalid={check.status === 'invalid'}
          aria-describedby={check.status === 'invalid' ? CAPTURE_FILTER_ERROR_ID : undefined}
          data-testid="capture-filter"
          spellCheck={false}
          value={captureFilter}
          disabled={capturing}
          title={check.status === 'invalid' ? check.error : 'Capture filter (BPF syntax), applied by libpcap'}
          onChange={(e) => setCaptureFilter(e.target.value)}
          onBlur={() => { if (check.status === 'unchecked') void actions.checkCaptureFilter(); }}
          onKeyDown={(e) => { if (e.key === 'Enter') void actions.startCapture(); }}
        />
        {check.status === 'invalid' && (
          <span className="capture-filter-error" id={CAPTURE_FILTER_ERROR_ID} role="alert" data-testid="capture-filter-error">
            Capture filter: {check.error}
          </span>
        )}
      </span>
      {capturing ? (
        <button type="button" className="tool-button stop" data-testid="capture-stop" disabled={busy} onClick={() => void actions.stopCapture()} title="Stop the live capture (Ctrl+E)">
          <IconStop /> Stop
        </button>
      ) : (
        <button type="button" className="tool-button start" data-testid="capture-start" disabled={busy || !device} onClick={() => void actions.startCapture()} title="Start a live capture (Ctrl+E)">
          <IconStart /> Start capture
        </button>
      )}
    </div>
  );
}
