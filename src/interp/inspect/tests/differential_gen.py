"""Regenerates differential.json: random JSON-shaped values and the text
Node's util.inspect gives for each. Run from this directory with node on PATH:
    python3 differential_gen.py
"""
import random, json, subprocess
random.seed(20)
KEYS = ['a','b','name','value','list','x1','_p','long_key_name_here','with-dash','0','12','sp ace','ünï',"q'uote",'']
def rstr():
    n = random.choice([0,1,3,5,8,12,20,40,90])
    alphabet = 'abcdefghij KLMNOP'
    s = ''.join(random.choice(alphabet) for _ in range(n))
    r = random.random()
    if r < 0.05: s += "'"
    elif r < 0.08: s += '"\''
    elif r < 0.12: s = s[:n//2] + '\n' + s[n//2:]
    elif r < 0.14: s += '漢字'
    return s
def rnum():
    r = random.random()
    if r < 0.5: return random.randint(0, 20)
    if r < 0.7: return random.randint(-100000, 100000)
    if r < 0.9: return round(random.uniform(-1000, 1000), random.randint(0,4))
    return random.choice([0.1, 1e21, 123456789.123, -0.5])
def rval(d):
    r = random.random()
    if d > 4 or r < 0.35:
        return random.choice([rnum, rstr, lambda: random.choice([True, False, None])])()
    if r < 0.65:
        n = random.choice([0,1,2,3,5,7,8,12,27,40,101,130]) if random.random() < 0.6 else random.randint(0,6)
        kind = random.random()
        if kind < 0.4: return [rnum() for _ in range(n)]
        if kind < 0.6: return [rstr() for _ in range(n)]
        return [rval(d+1) for _ in range(min(n, 10))]
    n = random.randint(0, 7)
    o = {}
    for _ in range(n):
        o[random.choice(KEYS)] = rval(d+1)
    return o
cases = [rval(0) for _ in range(120)]
out = subprocess.run(['node','-e',"const u=require('util');const c=JSON.parse(require('fs').readFileSync(0,'utf8'));process.stdout.write(JSON.stringify(c.map(v=>u.inspect(v))))"], input=json.dumps(cases), capture_output=True, text=True).stdout
expected = json.loads(out)
json.dump({'cases': cases, 'expected': expected}, open('differential.json','w'), ensure_ascii=False)
print(len(cases), sum(len(e) for e in expected))
