# Second opinion on MSNP command counts: tshark follow,tcp,raw per stream + a minimal framer.
import subprocess, sys, re, collections
f = sys.argv[1]; ports = {1863, 1864}
out = subprocess.run(['tshark','-r',f,'-T','fields','-e','tcp.stream','-e','tcp.srcport','-e','tcp.dstport'],capture_output=True,text=True).stdout
streams = {}
for l in out.splitlines():
    s, a, b = l.split('\t')
    if s and (int(a) in ports or int(b) in ports): streams[int(s)] = True
counts = collections.Counter()
PAY = {'MSG':3,'NOT':1,'IPG':1,'PAG':4,'PGD':4,'QRY':3,'SDC':None,'GCF':3,'UUX':2,'UBX':2,'ADL':2,'RML':2,'FQY':2,'UUN':4,'UBN':3,'UUM':5,'UBM':4,'SDG':2,'NFY':2,'PUT':2,'DEL':2}
for s in streams:
    raw = subprocess.run(['tshark','-r',f,'-q','-z',f'follow,tcp,raw,{s}'],capture_output=True,text=True).stdout
    dirs = {0: b'', 1: b''}
    for line in raw.splitlines():
        if re.fullmatch(r'\t?[0-9a-f]+', line):
            d = 1 if line.startswith('\t') else 0
            dirs[d] += bytes.fromhex(line.strip())
    for d, data in dirs.items():
        i = 0
        while i < len(data):
            j = data.find(b'\n', i)
            if j < 0: break
            line = data[i:j].rstrip(b'\r').decode('utf-8','replace'); i = j+1
            tok = line.split(' ')
            verb = tok[0]; counts[verb] += 1
            if verb in PAY and tok[-1].isdigit() and len(tok) >= (PAY[verb] or 99):
                i += int(tok[-1])
            elif re.fullmatch(r'\d{3}', verb) and len(tok) >= 3 and tok[-1].isdigit():
                i += int(tok[-1])
print(dict(sorted(counts.items())))
