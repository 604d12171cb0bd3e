// The capture filter and interface from the toolbar: a filter libpcap does not compile is refused
// before anything starts, with libpcap's own reason under the field; a capture that starts
// remembers its interface and filter, and a reloaded page preselects them.
// Needs capture privileges (root here and in CI): without them it fails, it does not skip.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseLoopback, openLiveAnalyzer, type LiveAnalyzerPage } from './live-replay-kit';

describe('capture filter check and remembered choice', () => {
  let app: LiveAnalyzerPage;
  const requests: string[] = [];
  beforeAll(async () => {
    app = await openLiveAnalyzer();
    // Every request the page makes, as the back end sees it.
    const backend = app.server.backend;
    const request = backend.request.bind(backend);
    backend.request = ((channel, arg) => {
      requests.push(channel);
      return request(channel, arg);
    }) as typeof backend.request;
  });
  afterAll(() => app?.close());

  it('shows libpcap’s reason for a bad filter and starts nothing', async () => {
    const { page } = app;
    await chooseLoopback(page);
    await page.getByTestId('capture-filter').fill('tcp portt 1863');
    await page.getByTestId('start-screen-capture').click();
    // libpcap's pcap_compile text for a misspelt keyword.
    await page.getByTestId('capture-filter-error').filter({ hasText: "can't parse filter expression: syntax error" }).waitFor();
    await app.screenshot('capture-filter-error');
    expect(requests).toContain('capture:check-filter');
    expect(requests).not.toContain('capture:start');
    expect(app.live.running).toBe(false);
    expect(await page.getByTestId('status-bar').textContent()).toContain('Ready.');
    expect(await page.getByTestId('capture-start').isEnabled()).toBe(true);
  });

  it('remembers the interface and filter of a capture that started', async () => {
    const { page } = app;
    await page.getByTestId('capture-filter').fill('tcp port 1');
    await expect.poll(() => page.getByTestId('capture-filter-error').count()).toBe(0);
    await page.getByTestId('capture-start').click();
    await page.getByTestId('capture-stop').waitFor();
    expect(requests).toContain('capture:start');
    await page.getByTestId('live-counters').filter({ hasText: 'dropped: unknown' }).waitFor();
    await page.getByTestId('capture-stop').click();
    await page.getByTestId('capture-start').waitFor();

    await page.reload();
    await page.getByTestId('interface-select').locator('option[value="lo"]').waitFor({ state: 'attached' });
    expect(await page.getByTestId('capture-filter').inputValue()).toBe('tcp port 1');
    await expect.poll(() => page.getByTestId('interface-select').inputValue()).toBe('lo');
    expect(await page.getByTestId('start-interface-select').inputValue()).toBe('lo');
    expect(app.problems).toEqual([]);
  });
});
