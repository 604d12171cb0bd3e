# Second opinion on MSNP command counts: tshark follow,tcp,raw per stream + a minimal framer.
#   count-commands-tshark.py FILE            verb -> count over every stream on ports 1863/1864
#   count-commands-tshark.py FILE --sequence N
#       stream N's commands in the order they complete ("c VERB" from the side that spoke first,
#       "s VERB" from the other), one a line: each direction is framed as its bytes arrive.
import subprocess, sys, re, collections
f = sys.argv[1]; ports = {1863, 1864}
PAY = {'MSG':3,'NOT':1,'IPG':1,'PAG':4,'PGD':4,'QRY':3,'SDC':None,'GCF':3,'UUX':2,'UBX':2,'ADL':2,'RML':2,'FQY':2,'UUN':4,'UBN':3,'UUM':5,'UBM':4,'SDG':2,'NFY':2,'PUT':2,'DEL':2}

def next_command(data, i):
    """(verb, index after the command) for the command at i, or None until it is complete."""
    j = data.find(b'\n', i)
    if j < 0: return None
    line = data[i:j].rstrip(b'\r').decode('utf-8','replace'); end = j+1
    tok = line.split(' ')
    verb = tok[0]
    if verb in PAY and tok[-1].isdigit() and len(tok) >= (PAY[verb] or 99):
        end += int(tok[-1])
    elif re.fullmatch(r'\d{3}', verb) and len(tok) >= 3 and tok[-1].isdigit():
        end += int(tok[-1])
    if end > len(data): return None
    return verb, end

def chunks(stream):
    raw = subprocess.run(['tshark','-r',f,'-q','-z',f'follow,tcp,raw,{stream}'],capture_output=True,text=True).stdout
    for line in raw.splitlines():
        if re.fullmatch(r'\t?[0-9a-f]+', line):
            yield (1 if line.startswith('\t') else 0), bytes.fromhex(line.strip())

if len(sys.argv) > 3 and sys.argv[2] == '--sequence':
    data = {0: b'', 1: b''}; at = {0: 0, 1: 0}
    for d, chunk in chunks(int(sys.argv[3])):
        data[d] += chunk
        while (found := next_command(data[d], at[d])) is not None:
            print('cs'[d], found[0]); at[d] = found[1]
    sys.exit(0)

out = subprocess.run(['tshark','-r',f,'-T','fields','-e','tcp.stream','-e','tcp.srcport','-e','tcp.dstport'],capture_output=True,text=True).stdout
streams = {}
for l in out.splitlines():
    s, a, b = l.split('\t')
    if s and (int(a) in ports or int(b) in ports): streams[int(s)] = True
counts = collections.Counter()
for s in streams:
    dirs = {0: b'', 1: b''}
    for d, chunk in chunks(s): dirs[d] += chunk
    for d, data in dirs.items():
        i = 0
        while i < len(data):
            found = next_command(data, i)
            if found is None:
                # the last command's body is cut short: count it, as the capture shows its line
                if data.find(b'\n', i) >= 0: counts[data[i:data.find(b'\n', i)].split(b' ')[0].decode('utf-8','replace')] += 1
                break
            counts[found[0]] += 1; i = found[1]
print(dict(sorted(counts.items())))
