// Turns libpcap's terse open errors into messages that say what to do, per platform. On Linux
// the capability goes to the dedicated capture helper (capture-helper.ts), never to Node or
// Electron, which would then capture for every script they run.

const PRIVILEGE = /not permitted|permission denied|CAP_NET_RAW|don't have permission|access is denied|\/dev\/bpf/i;
const NO_DEVICE = /no such device|doesn't exist|no such file or directory/i;

/** The capture helper to grant privileges to: its path, and whether it is built/installed there. */
export interface PrivilegedHelper {
  path: string;
  installed: boolean;
}

/** How to get capture privileges on this platform. */
export function privilegeHint(platform: NodeJS.Platform, helper: PrivilegedHelper | null): string {
  switch (platform) {
    case 'linux': {
      const setcap = `\`sudo setcap cap_net_raw,cap_net_admin+eip ${helper?.path ?? 'dist/capture-helper/msnp-capture'}\``;
      if (helper?.installed) return `capturing needs the CAP_NET_RAW privilege: give it to the capture helper once with ${setcap}, or run the analyzer as root`;
      return `capturing needs the CAP_NET_RAW privilege: build the capture helper (\`npm run build:capture-helper\`) and give it the privilege once with ${setcap}, or run the analyzer as root`;
    }
    case 'darwin':
      return 'capturing needs read access to the BPF devices (/dev/bpf*): install Wireshark\'s ChmodBPF (adds you to the access_bpf group) or run the analyzer with sudo';
    case 'win32':
      return 'capturing needs Npcap (https://npcap.com): install it, with "Restrict Npcap driver\'s access to Administrators only" unchecked, or run the analyzer as Administrator';
    default:
      return 'capturing needs raw packet access: run the analyzer with root privileges';
  }
}

/** The message for a failed start, built from libpcap's error text. */
export function explainOpenError(error: string, device: string, platform: NodeJS.Platform = process.platform, helper: PrivilegedHelper | null = null): string {
  if (PRIVILEGE.test(error)) return `cannot capture on ${device}: ${error}. ${cap(privilegeHint(platform, helper))}.`;
  if (NO_DEVICE.test(error)) return `cannot capture on ${device}: no such interface (${error})`;
  return `cannot capture on ${device}: ${error}`;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
