// Load progress (file or live) and the live-capture controls: interfaces, chosen device and the
// BPF capture filter with its last check.

import type { StateCreator } from 'zustand';
import type { InterfaceInfo, LoadProgress } from '../../shared/ipc-contract';
import type { AnalyzerState } from './analyzer-state';

/** Ports of the notification/switchboard servers, MSNC direct connections and the HTTP gateway. */
export const DEFAULT_CAPTURE_FILTER = 'tcp port 1863 or tcp port 1864 or tcp portrange 6891-6900 or tcp port 80';

export type CaptureFilterCheck = { status: 'unchecked' | 'checking' | 'valid' } | { status: 'invalid'; error: string };

export interface CaptureData {
  progress: LoadProgress | null;
  capturing: boolean;
  /** A start or stop request is in flight. */
  captureBusy: boolean;
  interfaces: InterfaceInfo[] | null;
  interfacesError: string | null;
  device: string;
  captureFilter: string;
  captureFilterCheck: CaptureFilterCheck;
}

export interface CaptureSlice extends CaptureData {
  setDevice(device: string): void;
  setCaptureFilter(filter: string): void;
}

export function initialCapture(): CaptureData {
  return {
    progress: null, capturing: false, captureBusy: false, interfaces: null, interfacesError: null,
    device: '', captureFilter: DEFAULT_CAPTURE_FILTER, captureFilterCheck: { status: 'unchecked' },
  };
}

/** The interface to preselect: the default one, else the first that is up and not loopback. */
export function preferredDevice(interfaces: readonly InterfaceInfo[], current: string): string {
  if (interfaces.some((i) => i.name === current)) return current;
  const pick = interfaces.find((i) => i.isDefault) ?? interfaces.find((i) => i.up && !i.loopback) ?? interfaces[0];
  return pick ? pick.name : '';
}

export function receiveInterfaces(state: CaptureData, answer: { ok: true; interfaces: InterfaceInfo[] } | { ok: false; error: string }): Partial<CaptureData> {
  if (!answer.ok) return { interfaces: [], interfacesError: answer.error };
  return { interfaces: answer.interfaces, interfacesError: null, device: preferredDevice(answer.interfaces, state.device) };
}

export const createCaptureSlice: StateCreator<AnalyzerState, [], [], CaptureSlice> = (set) => ({
  ...initialCapture(),
  setDevice: (device) => set({ device, captureFilterCheck: { status: 'unchecked' } }),
  setCaptureFilter: (captureFilter) => set({ captureFilter, captureFilterCheck: { status: 'unchecked' } }),
});
