// The current capture (file or live) and its analysis so far: sessions, transcripts, endpoints,
// contacts, files and expert notes all come from `result`, built up from the back end's increments.

import type { StateCreator } from 'zustand';
import type { AnalysisResult } from '../../shared/model';
import type { AnalyzerState } from './analyzer-state';

export interface AnalysisData {
  /** Bumped by every reset, so answers that belong to an earlier capture can be recognised. */
  epoch: number;
  /** A capture was opened or started (the start screen gives way to the analyzer). */
  hasCapture: boolean;
  captureLabel: string;
  captureSource: 'file' | 'live' | null;
  result: AnalysisResult | null;
  resultFinal: boolean;
}

export type AnalysisSlice = AnalysisData;

export function initialAnalysis(): AnalysisData {
  return { epoch: 0, hasCapture: false, captureLabel: '', captureSource: null, result: null, resultFinal: false };
}

/** Fills in lists a partial snapshot may leave out, so the views can map over them blindly. */
export function normalizeResult(result: AnalysisResult): AnalysisResult {
  const list = <T>(value: T[] | undefined): T[] => (Array.isArray(value) ? value : []);
  return {
    ...result,
    captures: list(result.captures),
    commandCounts: result.commandCounts && typeof result.commandCounts === 'object' ? result.commandCounts : {},
    connections: list(result.connections),
    sessions: list(result.sessions),
    contacts: list(result.contacts),
    presence: list(result.presence),
    offlineMessages: list(result.offlineMessages),
    endpoints: list(result.endpoints),
    files: list(result.files),
    expert: list(result.expert),
    expertGroups: list(result.expertGroups),
  };
}

export const createAnalysisSlice: StateCreator<AnalyzerState, [], [], AnalysisSlice> = () => initialAnalysis();
