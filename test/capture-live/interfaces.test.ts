// The capture process lists libpcap's interfaces; loopback is among them, marked and up.
import { describe, expect, it, vi } from 'vitest';
import { LiveCapture } from '../../src/main/capture/live-capture';
import { assertCapturePrivileges } from './live-test-kit';

describe('listInterfaces', () => {
  it('includes lo as an up loopback interface with 127.0.0.1, and marks at most one non-loopback default', async () => {
    assertCapturePrivileges();
    const interfaces = await new LiveCapture().listInterfaces();
    const lo = interfaces.find((i) => i.name === 'lo');
    expect(lo).toBeDefined();
    expect(lo!.loopback).toBe(true);
    expect(lo!.up).toBe(true);
    expect(lo!.addresses).toContain('127.0.0.1');
    const defaults = interfaces.filter((i) => i.isDefault);
    expect(defaults.length).toBeLessThanOrEqual(1);
    expect(defaults.every((i) => !i.loopback && i.up)).toBe(true);
  });

  it('asked twice at once, starts one capture process (each blocks the main thread while it forks); asked later, another', async () => {
    assertCapturePrivileges();
    const live = new LiveCapture();
    const oneShot = vi.spyOn(live as unknown as { oneShot: (...a: unknown[]) => Promise<unknown> }, 'oneShot');
    const [first, second] = await Promise.all([live.listInterfaces(), live.listInterfaces()]);
    expect(oneShot).toHaveBeenCalledTimes(1);
    expect(second).toEqual(first);
    expect(first.some((i) => i.name === 'lo')).toBe(true);
    await live.listInterfaces();
    expect(oneShot).toHaveBeenCalledTimes(2);
  });
});
