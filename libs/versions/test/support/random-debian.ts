/** A small seeded PRNG (mulberry32), so a failing run can be replayed from its seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LETTERS = [...'abcdfgrsxzABZ'];
const SYMBOLS = ['.', '+', '~', '~~', '.', '+dfsg', '~rc', '+b', '~deb12u', '+really'];

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}

function digits(rand: () => number): string {
  const r = rand();
  if (r < 0.1) return '0';
  if (r < 0.15) return `0${Math.floor(rand() * 10)}`;
  return String(Math.floor(rand() * (r < 0.9 ? 20 : 100000)));
}

function part(rand: () => number, parts: number): string {
  let s = digits(rand);
  for (let i = 1; i < parts; i++) {
    const r = rand();
    s += r < 0.55 ? `.${digits(rand)}` : r < 0.75 ? pick(rand, SYMBOLS) + digits(rand) : r < 0.9 ? pick(rand, LETTERS) : pick(rand, SYMBOLS);
  }
  return s;
}

/** A random dpkg-valid version mixing epochs, `~`, `+`, letters, leading zeros and revisions (with hyphens in upstream). */
export function randomDebianVersion(rand: () => number): string {
  const epoch = rand() < 0.25 ? `${Math.floor(rand() * 3)}:` : '';
  const hasRevision = rand() < 0.7;
  let upstream = part(rand, 1 + Math.floor(rand() * 5));
  if (hasRevision && rand() < 0.1) upstream += `-${part(rand, 2)}`;
  const revision = hasRevision ? `-${rand() < 0.2 ? part(rand, 1) + pick(rand, LETTERS) : part(rand, 1 + Math.floor(rand() * 3))}` : '';
  return epoch + upstream + revision;
}

/** A version close to `v`: one character changed, added or dropped, or an epoch/revision tweak. */
export function mutateDebianVersion(rand: () => number, v: string): string {
  const r = rand();
  if (r < 0.15) return v.includes(':') ? v.slice(v.indexOf(':') + 1) : `1:${v}`;
  if (r < 0.3) return `${v}${pick(rand, ['~1', '+1', '.0', '0', 'a', '~', '~~'])}`;
  const i = v.includes(':') ? v.indexOf(':') + 1 + Math.floor(rand() * (v.length - v.indexOf(':') - 1)) : Math.floor(rand() * v.length);
  const ch = pick(rand, ['0', '1', '9', 'a', 'z', '.', '+', '~']);
  return r < 0.65 ? v.slice(0, i) + ch + v.slice(i + 1) : v.slice(0, i) + ch + v.slice(i);
}
