#!/usr/bin/env bash
# Regenerates tshark's statistics of each shared capture, the second opinion for
# test/backend/statistics-tshark.test.ts (tshark 4.0 here):
#   test/fixtures/tshark/NAME.conv.txt      tshark -r NAME.pcap -qz conv,tcp   (per TCP conversation)
#   test/fixtures/tshark/NAME.phs.txt       tshark -r NAME.pcap -qz io,phs     (frames/bytes per protocol)
#   test/fixtures/tshark/NAME.commands.txt  test/tools/count-commands-tshark.py (MSNP verbs on ports 1863/1864)
#   test/fixtures/tshark/NAME.capinfos.csv  capinfos (packets, file and data size, duration, start/end in epoch seconds, rates)
set -euo pipefail
cd "$(dirname "$0")/../.."
for path in test/fixtures/captures/*.pcap; do
  name=$(basename "$path" .pcap)
  tshark -r "$path" -qz conv,tcp 2>/dev/null > "test/fixtures/tshark/$name.conv.txt"
  tshark -r "$path" -qz io,phs 2>/dev/null > "test/fixtures/tshark/$name.phs.txt"
  capinfos -TmQ -r -aeEcdusxyS "$path" > "test/fixtures/tshark/$name.capinfos.csv"
  python3 test/tools/count-commands-tshark.py "$path" 2>/dev/null > "test/fixtures/tshark/$name.commands.txt"
done
