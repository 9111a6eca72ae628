// Child process of run.mjs for one image: alternates, round after round, the reference (only reading the layers), the
// catalog, and the catalog followed by matching, then prints the timings, counts and its own peak RSS as JSON.
// Usage (by run.mjs): node --expose-gc image-run.mjs '{"storeDir","layers","databaseUrl","runs"}'
import { alternateRounds, dist, log, timed } from '../support/dist.mjs';
import { openScannerDatabase } from './database.mjs';

const { storeDir, layers, databaseUrl, runs } = JSON.parse(process.argv[2]);
const { FileBlobStore, readImageFilesystem } = dist('image');
const { catalogImage } = dist('sbom');
const { vulnerabilityFindings } = dist('imageFindings');

const store = new FileBlobStore(storeDir);
const dataSource = await openScannerDatabase(databaseUrl, log, 2);
const match = (catalog) => dataSource.transaction((manager) => vulnerabilityFindings(manager, catalog));

const MODES = {
  reference: async () => ({ entries: (await readImageFilesystem(layers, store)).entryCount }),
  catalog: async () => ({ catalog: await catalogImage(layers, store) }),
  catalogAndMatch: async () => {
    const catalog = await timed(() => catalogImage(layers, store));
    const matched = await timed(() => match(catalog.value));
    return { catalog: catalog.value, matched: matched.value, matchSeconds: matched.seconds };
  },
};

try {
  // round 0 warms the page cache, the JIT and the connection pool, and is not counted
  const matchOnly = [];
  const { seconds, last } = await alternateRounds(MODES, runs, (mode, value) => {
    if (mode === 'catalogAndMatch') matchOnly.push(value.matchSeconds);
  });
  seconds.matchOnly = matchOnly;
  const { catalog, matched, entries } = last;
  const findingPaths = [...new Set(matched.findings.map((f) => f.evidence.path))];
  // one dpkg status file holds every Debian package: a package is its name and version at its metadata path
  const affected = new Set(matched.findings.map((f) => `${f.evidence.path}\u0000${f.evidence.package}\u0000${f.evidence.installedVersion}`));
  process.stdout.write(`${JSON.stringify({
    seconds,
    entries,
    os: catalog.os?.ecosystem ?? null,
    packages: catalog.packages.length,
    notes: catalog.notes.length,
    lookupKeys: matched.keys.length,
    findings: matched.findings.length,
    packagesWithFindings: affected.size,
    versionErrors: matched.versionErrors,
    findingPaths,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  })}\n`);
} finally {
  await dataSource.destroy();
}
