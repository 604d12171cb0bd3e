// Typed access to the `cap` libpcap binding (0.2.1), loaded lazily so that a missing native
// module (no libpcap/Npcap) is a reportable error, not an import-time crash.
// Facts about the binding that shape the code around it:
// - one shared packet buffer, valid only inside the 'packet' handler (copy each packet);
// - no packet timestamps, no pcap_stats: arrival time is taken by us, drops are unknown;
// - a Cap whose open() failed must never be opened again, closed, or garbage-collected
//   (its destructor calls uv_poll_stop on a handle never initialised and the process aborts),
//   so failed instances are retained for the life of the (short-lived) capture process;
// - it only works on a process's main thread; when the interface vanishes it asserts and aborts.
// All of that is why it runs in a child process (capture-process.ts).

import { createRequire } from 'node:module';
import { join } from 'node:path';

export interface CapDevice {
  name: string;
  description?: string;
  addresses: { addr?: string; netmask?: string; broadaddr?: string; dstaddr?: string }[];
  flags?: string;
}

export interface CapInstance {
  open(device: string, filter: string, bufSize: number, buffer: Buffer): string;
  close(): boolean;
  on(event: 'packet', handler: (nbytes: number, truncated: boolean) => void): void;
}

export interface CapModule {
  Cap: { new (): CapInstance; deviceList(): CapDevice[] };
}

/** The snaplen the binding always sets. */
export const CAP_SNAPLEN = 65535;

let loaded: CapModule | null = null;
/** The binding's directory when not resolved as the package `cap` (the capture helper's copy). */
let capDirectory: string | null = null;

/**
 * Loads the binding from `directory` instead of resolving the package `cap`: the capture helper
 * (capture-helper.ts) carries its own copy, built for its own Node, beside its executable (it has
 * no package to resolve from, and the app's copy may be built for Electron).
 */
export function loadCapFrom(directory: string): void {
  capDirectory = directory;
}

/** Loads `cap`; throws an Error whose message says what is missing on this platform. */
export function loadCap(): CapModule {
  if (loaded) return loaded;
  try {
    // Made here, not at import: a CommonJS bundle (the helper) has no import.meta.url.
    const requireNative = createRequire(capDirectory ? join(capDirectory, 'index.js') : import.meta.url);
    loaded = requireNative(capDirectory ?? 'cap') as CapModule;
    return loaded;
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    const hint = process.platform === 'win32' ? ' Install Npcap (https://npcap.com) with "WinPcap API-compatible mode".'
      : ' Install libpcap (Debian/Ubuntu: libpcap0.8; Fedora: libpcap).';
    throw new Error(`packet capture library unavailable: ${reason}.${hint}`, { cause: err });
  }
}

/** Failed instances, kept reachable on purpose (see the header). */
const failedInstances: CapInstance[] = [];

/**
 * Opens a fresh Cap. On failure the instance is retained and the libpcap error text returned.
 */
export function openCap(cap: CapModule, device: string, filter: string, bufferSize: number, buffer: Buffer):
  { ok: true; instance: CapInstance; linkName: string } | { ok: false; error: string } {
  const instance = new cap.Cap();
  try {
    const linkName = instance.open(device, filter, bufferSize, buffer);
    return { ok: true, instance, linkName };
  } catch (err) {
    failedInstances.push(instance);
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

/**
 * The binding returns a DLT name (or "Unknown linktype N"); we need the LINKTYPE_* number that
 * pcap/pcapng files carry. DLT and LINKTYPE values agree except for raw IP.
 */
export function linkTypeFromCapName(name: string): number {
  switch (name) {
    case 'NULL': return 0;
    case 'ETHERNET': return 1;
    case 'RAW': return 101;
    case 'LINKTYPE_LINUX_SLL': return 113;
    case 'IEEE802_11_RADIO': return 127;
  }
  const m = /^Unknown linktype (\d+)$/.exec(name);
  if (!m) return 1;
  const dlt = Number(m[1]);
  return dlt === 12 || dlt === 14 ? 101 : dlt;
}
