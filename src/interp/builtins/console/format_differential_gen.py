"""Regenerates format_differential.json: random util.format argument lists
and the text Node 20 gives for each. Run from this directory with node on PATH:
    python3 format_differential_gen.py
"""
import random, json, subprocess
random.seed(7)
def rarg():
    r = random.random()
    if r < 0.3: return random.choice([0, 1, -5, 42.5, 1e21, 0.000001, 7])
    if r < 0.6: return random.choice(['', 'str', '42.5abc', '  12', '0x1F', '1e3', 'abc', '%s', 'a b', '-0', 'Infinity'])
    if r < 0.7: return random.choice([True, False, None])
    if r < 0.85: return {'a': random.randint(0, 9), 'b': {'c': {'d': [1, 2]}}}
    return [random.randint(0, 9) for _ in range(random.randint(0, 8))]
def rfmt():
    parts = []
    for _ in range(random.randint(0, 6)):
        parts.append(random.choice(['%s', '%d', '%i', '%f', '%o', '%O', '%c', '%%', '%x', '%', 'text', ' ', 'a%sb', '%%s']))
    return ''.join(parts)
cases = []
for _ in range(150):
    args = [rarg() for _ in range(random.randint(0, 5))]
    if random.random() < 0.85:
        args = [rfmt()] + args
    cases.append(args)
out = subprocess.run(['node', '-e', "const u=require('util');const c=JSON.parse(require('fs').readFileSync(0,'utf8'));process.stdout.write(JSON.stringify(c.map(a=>u.format(...a))))"], input=json.dumps(cases), capture_output=True, text=True).stdout
json.dump({'cases': cases, 'expected': json.loads(out)}, open('format_differential.json', 'w'), ensure_ascii=False)
