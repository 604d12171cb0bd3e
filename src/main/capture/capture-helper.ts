// The dedicated capture helper, `msnp-capture`: as with Wireshark's dumpcap, the one executable
// an administrator gives capture privileges to (setcap cap_net_raw,cap_net_admin+eip), instead of
// Node or Electron, which would then sniff for every script they run. It is the capture process
// (capture-process.ts) and nothing else: built by scripts/build-capture-helper.mjs as a Node
// single executable application, it runs only this embedded code (a script or Node options on its
// command line are passed through as plain arguments, which it ignores; Node ignores NODE_OPTIONS
// in a process holding file capabilities), speaks only the capture protocol over the IPC channel
// of the app that started it, and loads the libpcap binding it carries beside itself (binding/cap).

import { realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadCapFrom } from './cap-binding';
// Evaluated before the line below, but it only loads `cap` when the app's first request arrives.
import './capture-process';

loadCapFrom(join(dirname(realpathSync(process.execPath)), 'binding', 'cap'));
