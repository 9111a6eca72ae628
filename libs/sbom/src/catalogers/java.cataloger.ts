import { type Cataloger, type CatalogOutput, type FoundNote, type FoundPackage } from '../cataloger.js';
import { licenseList } from '../licenses.js';
import { formatPurl } from '../purl.js';
import { parseManifest, parseProperties } from './java-manifest.js';
import { readZipEntries } from './zip-entries.js';

const ARCHIVE = /\.(?:jar|war|ear|jpi|hpi|par|sar|nar|kar)$/i;
const POM_PROPERTIES = /^META-INF\/maven\/[^/]+\/[^/]+\/pom\.properties$/;
const MANIFEST = 'META-INF/MANIFEST.MF';

/** Bounds on what one archive (with everything nested in it) may make the cataloger inflate. */
export const JAVA_ARCHIVE_LIMITS = Object.freeze({
  /** The outer archive is depth 1; archives nested in it are read down to this depth. */
  maxDepth: 3,
  maxEntriesPerArchive: 65_536,
  maxNestedArchiveBytes: 64 * 1024 * 1024,
  maxMetadataBytes: 1024 * 1024,
  /** Inflated bytes of nested archives, summed over one outer archive. */
  maxTotalBytes: 256 * 1024 * 1024,
});

function mavenPackage(groupId: string | null, artifactId: string, version: string, licenses: string[], location: string, foundBy: string): FoundPackage {
  return {
    name: groupId ? `${groupId}:${artifactId}` : artifactId,
    version,
    ecosystem: 'maven',
    purl: formatPurl({ type: 'maven', namespace: groupId, name: artifactId, version }),
    arch: null,
    source: null,
    licenses,
    locations: [location],
    foundBy,
  };
}

/** Without pom.properties: the file name's `artifact-1.2.3` and the manifest's version and vendor id. */
function fromManifest(manifest: Map<string, string>, location: string, licenses: string[]): FoundPackage | null {
  const file = location.slice(location.lastIndexOf('/') + 1).replace(ARCHIVE, '');
  const named = /^(.+?)-(\d[\w.+-]*)$/.exec(file);
  const version = manifest.get('implementation-version') ?? manifest.get('bundle-version') ?? named?.[2] ?? manifest.get('specification-version');
  if (!version) return null;
  const vendorId = manifest.get('implementation-vendor-id');
  const groupId = vendorId && /^[\w-]+(\.[\w-]+)+$/.test(vendorId) ? vendorId : null;
  return mavenPackage(groupId, named?.[1] ?? file, version, licenses, location, 'java-manifest');
}

interface Budget {
  inflated: number;
}

async function catalogArchive(content: Buffer, location: string, depth: number, budget: Budget, out: CatalogOutput): Promise<void> {
  const limits = JAVA_ARCHIVE_LIMITS;
  const note = (message: string): FoundNote => ({ code: 'archive_limit', message, path: location });
  const nestedWanted = depth < limits.maxDepth;
  let deeper = false;
  const zip = await readZipEntries(
    content,
    (name) => {
      if (!ARCHIVE.test(name)) return name === MANIFEST || POM_PROPERTIES.test(name);
      deeper ||= !nestedWanted;
      return nestedWanted;
    },
    { maxEntries: limits.maxEntriesPerArchive, maxEntryBytes: limits.maxNestedArchiveBytes },
  );
  if (zip.tooManyEntries) out.notes.push(note(`${location} has more than ${limits.maxEntriesPerArchive} entries; the rest were not read`));
  for (const name of zip.oversized) out.notes.push(note(`${location}!/${name} is larger than ${limits.maxNestedArchiveBytes} bytes and was not read`));
  const manifestBytes = zip.entries.get(MANIFEST);
  const manifest = manifestBytes && manifestBytes.length <= limits.maxMetadataBytes ? parseManifest(manifestBytes.toString('utf8')) : new Map<string, string>();
  const bundleLicense = manifest.get('bundle-license');
  const licenses = bundleLicense && !/^https?:/i.test(bundleLicense) ? licenseList(bundleLicense.split(/\s*,\s*/)) : [];
  const poms = [...zip.entries].filter(([name, bytes]) => POM_PROPERTIES.test(name) && bytes.length <= limits.maxMetadataBytes);
  for (const [, bytes] of poms) {
    const properties = parseProperties(bytes.toString('utf8'));
    const [groupId, artifactId, version] = ['groupId', 'artifactId', 'version'].map((key) => properties.get(key));
    if (groupId && artifactId && version) out.packages.push(mavenPackage(groupId, artifactId, version, poms.length === 1 ? licenses : [], location, 'java-pom-properties'));
  }
  if (poms.length === 0 && manifestBytes) {
    const found = fromManifest(manifest, location, licenses);
    if (found) out.packages.push(found);
  }
  for (const [name, bytes] of zip.entries) {
    if (!ARCHIVE.test(name) || name === MANIFEST) continue;
    budget.inflated += bytes.length;
    if (budget.inflated > limits.maxTotalBytes) {
      out.notes.push(note(`archives nested in ${location} inflate past ${limits.maxTotalBytes} bytes; the rest were not read`));
      return;
    }
    try {
      await catalogArchive(bytes, `${location}!/${name}`, depth + 1, budget, out);
    } catch (error) {
      out.notes.push({ code: 'metadata_unreadable', message: `${location}!/${name} is not a readable archive: ${(error as Error).message}`, path: location });
    }
  }
  if (deeper) out.notes.push(note(`${location} nests archives deeper than ${limits.maxDepth}`));
}

/** jar/war/ear (and Jenkins/Hadoop variants): pom.properties, else MANIFEST.MF and the file name; nested archives to depth 3. */
export const javaArchiveCataloger: Cataloger = {
  name: 'java-archive',
  matches: (path) => ARCHIVE.test(path),
  catalog: async (path, content) => {
    const out: CatalogOutput = { packages: [], notes: [] };
    await catalogArchive(content, path, 1, { inflated: 0 }, out);
    return out;
  },
};
