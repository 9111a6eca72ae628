import { spawnSync } from 'node:child_process';
import { compareVersions, isVersionError, parseVersion } from '../src/index.js';
import { mulberry32, mutateDebianVersion, randomDebianVersion } from './support/random-debian.js';

const PAIRS = 2000;

// One shell runs dpkg for every pair, which keeps 2,000 comparisons to a few seconds.
const ORACLE = `
while IFS='\t' read -r a b; do
  if dpkg --compare-versions "$a" lt "$b"; then echo -1
  elif dpkg --compare-versions "$a" eq "$b"; then echo 0
  else echo 1; fi
done`;

function validForDpkg(v: string): boolean {
  const parsed = parseVersion('Debian', v);
  if (isVersionError(parsed)) return false;
  const upstream = v.slice(v.indexOf(':') + 1);
  // Avoid what dpkg only warns about, so its stderr stays empty and every answer is a clean one.
  return /^[0-9][A-Za-z0-9.+~-]*$/.test(upstream) && !/-$/.test(upstream);
}

describe('Debian ordering against dpkg --compare-versions on fresh random pairs', () => {
  const seed = Date.now() >>> 0;
  const rand = mulberry32(seed);
  const pairs: [string, string][] = [];
  while (pairs.length < PAIRS) {
    const a = randomDebianVersion(rand);
    const r = rand();
    const b = r < 0.45 ? mutateDebianVersion(rand, a) : r < 0.5 ? a : randomDebianVersion(rand);
    if (validForDpkg(a) && validForDpkg(b)) pairs.push([a, b]);
  }

  it(`agrees on ${PAIRS} pairs (seed ${seed})`, () => {
    const input = pairs.map(([a, b]) => `${a}\t${b}`).join('\n') + '\n';
    const run = spawnSync('bash', ['-c', ORACLE], { input, encoding: 'utf8', maxBuffer: 1 << 24 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const expected = run.stdout.trim().split('\n').map(Number);
    expect(expected).toHaveLength(PAIRS);
    const disagreements = pairs
      .map(([a, b], i) => ({ a, b, want: expected[i], got: compareVersions('Debian', a, b) }))
      .filter((d) => d.want !== d.got)
      .map((d) => `${d.a} vs ${d.b}: dpkg ${d.want}, ours ${d.got}`);
    expect(disagreements).toEqual([]);
    // The mix must exercise each outcome and the interesting syntax, or the agreement proves little.
    const counts = [-1, 0, 1].map((s) => expected.filter((e) => e === s).length);
    expect(Math.min(...counts)).toBeGreaterThan(50);
    expect(pairs.filter(([a, b]) => `${a}${b}`.includes('~')).length).toBeGreaterThan(300);
    expect(pairs.filter(([a, b]) => `${a}${b}`.includes(':')).length).toBeGreaterThan(300);
  });
});
