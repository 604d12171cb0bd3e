// What every group of actions shares: failures become error notices, never unhandled rejections.

import type { AnalyzerStore } from '../store/analyzer-state';

export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export interface ActionSupport {
  fail(text: string): void;
  /** Runs a request; a thrown error becomes the notice "<what>: <reason>" and the result undefined. */
  attempt<T>(what: string, run: () => Promise<T>): Promise<T | undefined>;
}

export function actionSupport(store: AnalyzerStore): ActionSupport {
  const fail = (text: string): void => store.getState().notify('error', text);
  return {
    fail,
    async attempt(what, run) {
      try {
        return await run();
      } catch (error) {
        fail(`${what}: ${messageOf(error)}`);
        return undefined;
      }
    },
  };
}
