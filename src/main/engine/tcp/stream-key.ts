// The direction-independent key of a TCP connection: both endpoints of the 4-tuple in a fixed
// order, so packets of either direction find the same stream.

export function streamKey(srcIp: string, srcPort: number, dstIp: string, dstPort: number): string {
  const srcFirst = srcIp < dstIp || (srcIp === dstIp && srcPort <= dstPort);
  return srcFirst ? `${srcIp} ${srcPort} ${dstIp} ${dstPort}` : `${dstIp} ${dstPort} ${srcIp} ${srcPort}`;
}
