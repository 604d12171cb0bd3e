// What the window remembers: written as one object, read back part by part (a bad part keeps its
// default, the others still apply), through localStorage in the browser mode; Reset layout keeps
// the theme and the filter buttons; a new column set with other fields drops the cached rows.
import { describe, expect, it } from 'vitest';
import { localPreferences, WINDOW_PREFERENCES_KEY } from '../../src/renderer/app/preferences-storage';
import { restoreInto } from '../../src/renderer/app/use-window-preferences';
import { resolvedTheme } from '../../src/renderer/app/use-theme';
import { addFieldColumn, defaultColumns, setHidden } from '../../src/renderer/features/packet-list/column-layout';
import { createAnalyzerStore } from '../../src/renderer/store/analyzer-state';
import { initialPaneLayout } from '../../src/renderer/store/ui-slice';
import { preferencesOf, rememberedChanged, restoredPreferences } from '../../src/renderer/store/window-preferences';

function memoryStorage(): Storage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) } as never;
}

describe('window preferences', () => {
  it('round-trips through localStorage', () => {
    const store = createAnalyzerStore();
    const s = store.getState();
    s.changeColumns((c) => addFieldColumn(setHidden(c, 'protocol', true), 'tcp.len', 'TCP Segment Len'));
    s.resizePanes({ sideWidth: 700, listFraction: 0.7 });
    s.setSidePanel({ collapsed: true });
    s.setTheme('dark');
    s.setFilterButtons([{ label: 'Chat', expression: 'msnp.cmd == MSG' }]);
    const storage = memoryStorage();
    localPreferences(storage).save(preferencesOf(store.getState()));
    expect(JSON.parse(storage.data.get(WINDOW_PREFERENCES_KEY)!).version).toBe(1);

    const other = createAnalyzerStore();
    restoreInto(other, localPreferences(storage).load());
    const o = other.getState();
    expect(o.columns).toEqual(store.getState().columns);
    expect(o.layout).toEqual(store.getState().layout);
    expect(o.sidePanel).toEqual({ collapsed: true, placement: 'side' });
    expect(o.theme).toBe('dark');
    expect(o.filterButtons).toEqual([{ label: 'Chat', expression: 'msnp.cmd == MSG' }]);
    // The row cache asks for the custom column's field from the first page on.
    expect(o.rowCache.fields).toEqual(['tcp.len']);
  });

  it('reads each part on its own: a wrong part keeps its default', () => {
    const store = createAnalyzerStore();
    const current = store.getState();
    const restored = restoredPreferences({
      columns: 'all of them', panes: { sideWidth: 1e9, listFraction: 'half' }, sidePanel: { placement: 'left', collapsed: 'yes' },
      theme: 'neon', filterButtons: [{ label: 'ok', expression: 'tcp' }, { label: '', expression: 'tcp' }, { label: 'x'.repeat(41), expression: 'tcp' }, 'junk'],
    }, current);
    expect(restored.columns).toBeUndefined();
    expect(restored.layout).toEqual({ ...current.layout, sideWidth: 3000 });
    expect(restored.sidePanel).toEqual({ collapsed: false, placement: 'side' });
    expect(restored.theme).toBeUndefined();
    expect(restored.filterButtons).toEqual([{ label: 'ok', expression: 'tcp' }]);
    expect(restoredPreferences(null, current)).toEqual({});
    expect(localPreferences(memoryStorage()).load()).toBeUndefined();
    const broken = memoryStorage();
    broken.setItem(WINDOW_PREFERENCES_KEY, '{not json');
    expect(localPreferences(broken).load()).toBeUndefined();
  });

  it('Reset layout restores columns, panes and side panel, and keeps the theme and filter buttons', () => {
    const store = createAnalyzerStore();
    const s = store.getState();
    s.changeColumns((c) => addFieldColumn(c, 'frame.len', 'Frame Length'));
    s.resizePanes({ treeFraction: 0.7 });
    s.setSidePanel({ placement: 'bottom' });
    s.setTheme('light');
    s.setFilterButtons([{ label: 'TCP', expression: 'tcp' }]);
    const before = store.getState();
    store.getState().resetLayout();
    const after = store.getState();
    expect(rememberedChanged(before, after)).toBe(true);
    expect(after.columns).toEqual(defaultColumns());
    expect(after.layout).toEqual(initialPaneLayout());
    expect(after.sidePanel).toEqual({ collapsed: false, placement: 'side' });
    expect(after.theme).toBe('light');
    expect(after.filterButtons).toEqual([{ label: 'TCP', expression: 'tcp' }]);
    expect(after.rowCache.fields).toEqual([]);
    expect(after.rowCache).not.toBe(before.rowCache);
  });

  it('gives the side panel about 30 % of the window at first, within 300–540 px', () => {
    expect(initialPaneLayout(1400).sideWidth).toBe(420);
    expect(initialPaneLayout(1024).sideWidth).toBe(307);
    expect(initialPaneLayout(3840).sideWidth).toBe(540);
    expect(initialPaneLayout(800).sideWidth).toBe(300);
  });

  it('resolves System to the operating system\'s setting', () => {
    expect(resolvedTheme('system', true)).toBe('dark');
    expect(resolvedTheme('system', false)).toBe('light');
    expect(resolvedTheme('light', true)).toBe('light');
    expect(resolvedTheme('dark', false)).toBe('dark');
  });
});
