// Packet timestamps for live capture. The `cap` binding hands over no pcap timestamps, so each
// packet is stamped when its 'packet' callback runs: performance.timeOrigin (wall-clock time at
// process start, sub-millisecond) + performance.now() (monotonic, high resolution), in µs.
// Consequences: timestamps never go backwards and are close to Date.now(); they include the
// delay between the kernel and our callback (usually µs, more under load), and they do not
// follow wall-clock adjustments made during the capture.

export function arrivalTimeUs(): number {
  return Math.round((performance.timeOrigin + performance.now()) * 1000);
}
