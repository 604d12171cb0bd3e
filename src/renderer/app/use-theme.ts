// The colour theme: the user's choice (System, Light, Dark; remembered), where System follows the
// operating system's setting (prefers-color-scheme) and changes with it. Applied as
// <html data-theme="light|dark">; every colour is a CSS variable of styles/theme.css.

import { useEffect } from 'react';
import { useAnalyzer } from '../store/analyzer-state';
import type { ThemeChoice } from '../store/preferences-slice';

const DARK_QUERY = '(prefers-color-scheme: dark)';

export function resolvedTheme(choice: ThemeChoice, systemDark: boolean): 'light' | 'dark' {
  return choice === 'system' ? (systemDark ? 'dark' : 'light') : choice;
}

export function useTheme(): void {
  const choice = useAnalyzer((s) => s.theme);
  useEffect(() => {
    const media = window.matchMedia?.(DARK_QUERY);
    const apply = (): void => {
      document.documentElement.dataset.theme = resolvedTheme(choice, media?.matches ?? false);
    };
    apply();
    media?.addEventListener('change', apply);
    return () => media?.removeEventListener('change', apply);
  }, [choice]);
}
