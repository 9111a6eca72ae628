// Which npm packages the 2,000-package image holds, at which versions: the real names of the corpus's npm advisories,
// each installed once at an affected version and once past every fix, among generated names no advisory names.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const PACKAGE_COUNT = 2000;
const NPM_NAME = /^(?:@[a-z0-9~-][a-z0-9._~-]*\/)?[a-z0-9~-][a-z0-9._~-]*$/;
const PLAIN = /^(\d+)\.(\d+)\.(\d+)(?:-[0-9A-Za-z.-]+)?$/;
const WORDS = ('array async buffer cache chalk class color config core crypto date debug deep diff dom emit env event '
  + 'fast file flat format fs glob graph hash http icon json key lazy list lite log map merge mini mock node object '
  + 'parse path pick plugin pool promise proxy query queue react redux route safe schema shell sort stream string style '
  + 'sync table task text time tiny tree type util uuid vue web')
  .split(' ');
const SCOPES = ['@acme', '@bench', '@corp', '@labs', '@tools'];

/** The affected ranges of every valid npm name in the GHSA records of a directory, by lower-cased name. */
function advisoryRanges(dir) {
  const byName = new Map();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    for (const affected of JSON.parse(readFileSync(path.join(dir, file), 'utf8')).affected ?? []) {
      const name = affected.package?.name?.toLowerCase();
      if (affected.package?.ecosystem !== 'npm' || !NPM_NAME.test(name ?? '')) continue;
      const entry = byName.get(name) ?? { ranges: [], versions: [] };
      entry.ranges.push(...(affected.ranges ?? []).filter((r) => r.type !== 'GIT').map((r) => Object.assign({}, ...r.events)));
      entry.versions.push(...(affected.versions ?? []));
      byName.set(name, entry);
    }
  }
  return byName;
}

/** A version just below `version` (4.17.21 → 4.17.20), or null when there is none of this simple shape. */
function below(version) {
  const m = PLAIN.exec(version ?? '');
  if (!m || version.includes('-')) return null;
  const [major, minor, patch] = m.slice(1).map(Number);
  if (patch > 0) return `${major}.${minor}.${patch - 1}`;
  if (minor > 0) return `${major}.${minor - 1}.99`;
  return major > 0 ? `${major - 1}.99.99` : null;
}

const above = (version) => (/^\d+\.\d+\.\d+$/.test(version) ? version.replace(/\d+$/, (p) => String(Number(p) + 1)) : null);

/** An affected version from the first range it can be read from: its introduced version, else just below its bound. */
function affectedVersion(ranges) {
  for (const range of ranges) {
    if (range.introduced && range.introduced !== '0' && PLAIN.test(range.introduced)) return range.introduced;
    const inside = range.last_affected && PLAIN.test(range.last_affected) ? range.last_affected : below(range.fixed);
    if (inside) return inside;
  }
  return null;
}

/** The highest bound over all ranges (past every fix, hence in none); null when a range has no bound or the list names it. */
function unaffectedVersion({ ranges, versions }, compare) {
  const bounds = ranges.map((r) => r.fixed ?? above(r.last_affected));
  if (bounds.some((b) => !b || !PLAIN.test(b))) return null;
  const highest = bounds.reduce((a, b) => (compare('npm', a, b) === -1 ? b : a));
  return versions.includes(highest) ? null : highest;
}

/**
 * The packages of the image, in install order: `{dir, name, version, expect}` with dir relative to /app/node_modules
 * (nested ones as `a/node_modules/b`) and expect `vulnerable`, `clean` (a real name past every fix) or `unlisted`.
 */
export function planNpmPackages(npmAdvisoryDir, compare) {
  const real = [];
  for (const [name, entry] of advisoryRanges(npmAdvisoryDir)) {
    // lodash at 4.17.20, the version of many real lockfiles, affected by the prototype-pollution advisories
    const vulnerable = name === 'lodash' ? '4.17.20' : affectedVersion(entry.ranges);
    if (vulnerable) real.push({ name, vulnerable, clean: unaffectedVersion(entry, compare) });
  }
  const realNames = new Set(real.map((r) => r.name));
  const generated = [];
  for (let n = 0; generated.length < PACKAGE_COUNT; n += 1) {
    const base = `${WORDS[n % WORDS.length]}-${WORDS[Math.floor(n / WORDS.length) % WORDS.length]}`;
    const name = n % 12 === 5 ? `${SCOPES[n % SCOPES.length]}/${base}` : base;
    if (!realNames.has(name)) generated.push({ name, version: `${1 + (n % 9)}.${n % 17}.${n % 23}`, expect: 'unlisted' });
  }
  const packages = [];
  const parents = [];
  const total = PACKAGE_COUNT - 2 * real.length;
  let nestedDir = null;
  for (const [index, pkg] of generated.slice(0, total).entries()) {
    // every 8th package nested in an earlier top-level one, every 40th two levels down (in the previous nested one)
    const under = index % 40 === 39 ? nestedDir : index % 8 === 7 ? parents[index % parents.length] : null;
    const dir = under ? `${under}/node_modules/${pkg.name}` : pkg.name;
    if (!under) parents.push(dir);
    else nestedDir = dir;
    packages.push({ ...pkg, dir });
  }
  for (const [index, r] of real.entries()) {
    const clean = r.clean ?? r.vulnerable;
    const [top, nested] = index % 2 === 0 ? [r.vulnerable, clean] : [clean, r.vulnerable];
    const expect = (version) => (version === r.vulnerable ? 'vulnerable' : 'clean');
    packages.push({ name: r.name, version: top, dir: r.name, expect: expect(top) });
    packages.push({ name: r.name, version: nested, dir: `${parents[index]}/node_modules/${r.name}`, expect: expect(nested) });
  }
  return packages;
}
