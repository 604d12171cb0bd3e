#!/usr/bin/env bash
# Regenerates test/fixtures/filter-expectations.json: for each shared capture and each filter in
# test/fixtures/filter-expressions.txt, the frame numbers tshark's own display filter selects.
# The display-filter golden test compares our back end's answer with these (tshark 4.0 here).
set -euo pipefail
cd "$(dirname "$0")/../.."
exec python3 - <<'PY'
import json, subprocess, glob, os
filters = [l for l in open('test/fixtures/filter-expressions.txt').read().split('\n') if l and not l.startswith('#')]
out = {'tshark': subprocess.run(['tshark', '--version'], capture_output=True, text=True).stdout.split('\n')[0], 'captures': {}}
for path in sorted(glob.glob('test/fixtures/captures/*.pcap')):
    per = {}
    for f in filters:
        r = subprocess.run(['tshark', '-r', path, '-Y', f, '-T', 'fields', '-e', 'frame.number'], capture_output=True, text=True)
        if r.returncode != 0:
            raise SystemExit(f'tshark rejected {f!r}: {r.stderr}')
        per[f] = [int(n) for n in r.stdout.split()]
    out['captures'][os.path.basename(path)] = per
with open('test/fixtures/filter-expectations.json', 'w') as w:
    w.write('{"tshark": %s, "captures": {\n' % json.dumps(out['tshark']))
    caps = list(out['captures'].items())
    for ci, (name, per) in enumerate(caps):
        w.write('  %s: {\n' % json.dumps(name))
        items = list(per.items())
        for fi, (f, frames) in enumerate(items):
            w.write('    %s: %s%s\n' % (json.dumps(f), json.dumps(frames, separators=(',', ':')), ',' if fi < len(items) - 1 else ''))
        w.write('  }%s\n' % (',' if ci < len(caps) - 1 else ''))
    w.write('}}\n')
PY
