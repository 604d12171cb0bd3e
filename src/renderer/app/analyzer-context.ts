// Gives components the back-end API, the actions built on it, and the "open a file" dialog.

import { createContext, useContext } from 'react';
import type { AnalyzerApi } from '../../shared/ipc-contract';
import type { AnalyzerActions } from './analyzer-actions';

export interface AnalyzerContextValue {
  api: AnalyzerApi;
  actions: AnalyzerActions;
  /** Opens the system file chooser (a hidden <input type=file>). */
  chooseFiles(): void;
}

export const AnalyzerContext = createContext<AnalyzerContextValue | null>(null);

export function useAnalyzerContext(): AnalyzerContextValue {
  const value = useContext(AnalyzerContext);
  if (!value) throw new Error('AnalyzerContext missing');
  return value;
}

export const useActions = (): AnalyzerActions => useAnalyzerContext().actions;
