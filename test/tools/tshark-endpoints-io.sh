#!/usr/bin/env bash
# Regenerates tshark's endpoint and I/O statistics of each shared capture, the second opinion for
# test/backend/endpoints-tshark.test.ts and test/backend/io-graph-tshark.test.ts (tshark 4.0 here):
#   test/fixtures/tshark/NAME.endpoints.txt  tshark -qz endpoints,ip -z endpoints,tcp   (packets, bytes, Tx/Rx per host and per host:port)
#   test/fixtures/tshark/NAME.io-1s.txt      tshark -qz io,stat,1,<IO_FILTERS>        (frames and bytes per second, one column per filter)
#   test/fixtures/tshark/NAME.io-100ms.txt   the same per 0.1 s (captures shorter than 100 s: not 20,000 lines of zeros)
# The filters are ones both tshark's and our display-filter languages read the same way.
set -euo pipefail
cd "$(dirname "$0")/../.."
IO_FILTERS=("frame" "tcp.port == 1863" "tcp.len > 0" "tcp.flags.syn == 1")
for path in test/fixtures/captures/*.pcap; do
  name=$(basename "$path" .pcap)
  tshark -r "$path" -qz endpoints,ip -z endpoints,tcp 2>/dev/null > "test/fixtures/tshark/$name.endpoints.txt"
  tshark -r "$path" -qz "io,stat,1,$(IFS=,; echo "${IO_FILTERS[*]}")" 2>/dev/null > "test/fixtures/tshark/$name.io-1s.txt"
  duration=$(capinfos -TmQ -u "$path" | tail -1 | cut -d, -f2 | tr -d '"')
  rm -f "test/fixtures/tshark/$name.io-100ms.txt"
  awk "BEGIN { exit !($duration < 100) }" || continue
  tshark -r "$path" -qz "io,stat,0.1,$(IFS=,; echo "${IO_FILTERS[*]}")" 2>/dev/null > "test/fixtures/tshark/$name.io-100ms.txt"
done
