// Starting a live capture: the capture filter is checked with libpcap first, a filter that does
// not compile is shown by the field and nothing starts; a started capture remembers its interface
// and filter, which the next session restores and preselects (else the back end's default).
import { describe, expect, it } from 'vitest';
import type { InterfaceInfo, RequestChannel } from '../../src/shared/ipc-contract';
import { createAnalyzerActions } from '../../src/renderer/app/analyzer-actions';
import { createAnalyzerStore } from '../../src/renderer/store/analyzer-state';
import { DEFAULT_CAPTURE_FILTER } from '../../src/renderer/store/capture-slice';
import { fakeApi, memoryStorage } from './fake-analyzer-api';

const iface = (name: string, extra: Partial<InterfaceInfo> = {}): InterfaceInfo => ({ name, description: '', addresses: [], loopback: false, up: true, isDefault: false, ...extra });
const INTERFACES = [iface('eth0', { isDefault: true }), iface('lo', { loopback: true })];
const BAD_FILTER = "can't parse filter expression: syntax error";

function backend(channel: RequestChannel, arg: unknown): unknown {
  switch (channel) {
    case 'capture:interfaces': return { ok: true, interfaces: INTERFACES };
    case 'capture:check-filter': return (arg as { filter: string }).filter.includes('bogus') ? { ok: false, error: BAD_FILTER } : { ok: true };
    case 'capture:start': return { ok: true };
    default: return undefined;
  }
}

function setup(storage = memoryStorage()) {
  const store = createAnalyzerStore();
  const fake = fakeApi(backend);
  const actions = createAnalyzerActions(fake.api, store, { storage, download: () => {} });
  return { store, actions, storage, ...fake };
}

describe('starting a live capture', () => {
  it('refuses a filter libpcap does not compile: the reason goes to the field, nothing starts', async () => {
    const { store, actions, channels } = setup();
    await actions.loadInterfaces();
    store.getState().setCaptureFilter('tcp port bogus');
    await actions.startCapture();
    expect(channels()).toEqual(['capture:interfaces', 'capture:check-filter']);
    expect(store.getState().captureFilterCheck).toEqual({ status: 'invalid', error: BAD_FILTER });
    expect(store.getState()).toMatchObject({ capturing: false, captureBusy: false });
  });

  it('checks the filter, then starts with it', async () => {
    const { store, actions, calls } = setup();
    await actions.loadInterfaces();
    store.getState().setCaptureFilter('tcp port 1863');
    await actions.startCapture();
    expect(calls.slice(1)).toEqual([
      { channel: 'capture:check-filter', arg: { device: 'eth0', filter: 'tcp port 1863' } },
      { channel: 'capture:start', arg: { device: 'eth0', filter: 'tcp port 1863' } },
    ]);
    expect(store.getState()).toMatchObject({ capturing: true, captureFilterCheck: { status: 'valid' } });
  });

  it('does not check again a filter that was just found valid', async () => {
    const { store, actions, channels } = setup();
    await actions.loadInterfaces();
    await actions.checkCaptureFilter();
    await actions.startCapture();
    expect(channels()).toEqual(['capture:interfaces', 'capture:check-filter', 'capture:start']);
    expect(store.getState().capturing).toBe(true);
  });

  it('remembers the choice of a capture that started, and the next session preselects it', async () => {
    const first = setup();
    await first.actions.loadInterfaces();
    first.store.getState().setDevice('lo');
    first.store.getState().setCaptureFilter('tcp port 1863');
    await first.actions.startCapture();

    const next = setup(first.storage);
    expect(next.store.getState().captureFilter).toBe('tcp port 1863');
    await next.actions.loadInterfaces();
    expect(next.store.getState().device).toBe('lo');
  });

  it('remembers nothing from a refused start', async () => {
    const first = setup();
    await first.actions.loadInterfaces();
    first.store.getState().setCaptureFilter('tcp port bogus');
    await first.actions.startCapture();
    expect(first.storage.items.size).toBe(0);
  });

  it("falls back to the back end's default interface when the remembered one is gone or storage is garbage", async () => {
    const gone = setup(memoryStorage({ 'msnp-analyzer.capture': JSON.stringify({ device: 'wlan9', filter: 'udp' }) }));
    await gone.actions.loadInterfaces();
    expect(gone.store.getState()).toMatchObject({ device: 'eth0', captureFilter: 'udp' });

    const garbage = setup(memoryStorage({ 'msnp-analyzer.capture': '{"device": 7' }));
    await garbage.actions.loadInterfaces();
    expect(garbage.store.getState()).toMatchObject({ device: 'eth0', captureFilter: DEFAULT_CAPTURE_FILTER });
  });
});
