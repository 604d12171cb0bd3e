// Canvas charts take their colours once, from CSS variables: this number changes when the theme
// may have (an attribute or class on <html>, or the system's light/dark preference), so a chart
// built on it is rebuilt with the new colours.

import { useEffect, useState } from 'react';

export function useThemeVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const bump = () => setVersion((v) => v + 1);
    const observer = new MutationObserver(bump);
    observer.observe(document.documentElement, { attributes: true });
    if (document.body) observer.observe(document.body, { attributes: true, attributeFilter: ['class', 'data-theme'] });
    const media = window.matchMedia?.('(prefers-color-scheme: dark)');
    media?.addEventListener('change', bump);
    return () => {
      observer.disconnect();
      media?.removeEventListener('change', bump);
    };
  }, []);
  return version;
}

/** The colour of line or row `index`: --chart-1 … --chart-8, round again past eight. */
export const seriesVariable = (index: number) => `--chart-${(index % 8) + 1}`;
