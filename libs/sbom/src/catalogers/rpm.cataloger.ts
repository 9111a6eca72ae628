import initSqlJs from 'sql.js';
import { type CatalogContext, type Cataloger, type FoundNote, type FoundPackage } from '../cataloger.js';
import { licenseList } from '../licenses.js';
import { distroQualifier } from '../os-identity.js';
import { formatPurl } from '../purl.js';
import { type Note } from '../types.js';
import { parseRpmHeader, RpmTag, type RpmValue } from './rpm-header.js';

const SQLITE_DB = /^\/(?:var\/lib\/rpm|usr\/lib\/sysimage\/rpm)\/rpmdb\.sqlite$/;
const WANTED = new Set(Object.values(RpmTag));
// the purl namespace is the vendor; os-release IDs that differ from it
const VENDOR: Record<string, string> = { rhel: 'redhat', ol: 'oracle', amzn: 'amazon' };

let sqlJs: ReturnType<typeof initSqlJs> | null = null;

const text = (value: RpmValue | undefined): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** `openssl-3.0.7-16.el9_2.src.rpm` → openssl, 3.0.7-16.el9_2. */
function sourceRpm(file: string | null): { name: string; version: string } | null {
  const match = file ? /^(.+)-([^-]+)-([^-]+)\.(?:no)?src\.rpm$/.exec(file) : null;
  return match ? { name: match[1], version: `${match[2]}-${match[3]}` } : null;
}

function files(header: Map<number, RpmValue>): string[] {
  const names = header.get(RpmTag.BASENAMES) as string[] | undefined;
  const dirs = header.get(RpmTag.DIRNAMES) as string[] | undefined;
  const indexes = header.get(RpmTag.DIRINDEXES) as number[] | undefined;
  if (!Array.isArray(names) || !Array.isArray(dirs) || !Array.isArray(indexes)) return [];
  return names.flatMap((name, i) => (dirs[indexes[i]] !== undefined ? [`${dirs[indexes[i]]}${name}`] : []));
}

function toPackage(header: Map<number, RpmValue>, path: string, context: CatalogContext): FoundPackage | null {
  const name = text(header.get(RpmTag.NAME));
  const version = text(header.get(RpmTag.VERSION));
  const release = text(header.get(RpmTag.RELEASE));
  // imported signing keys are headers too, not packages
  if (!name || !version || name === 'gpg-pubkey') return null;
  const epoch = (header.get(RpmTag.EPOCH) as number[] | undefined)?.[0];
  const evr = `${version}${release ? `-${release}` : ''}`;
  const arch = text(header.get(RpmTag.ARCH));
  const id = context.os?.id ?? null;
  return {
    name,
    version: epoch ? `${epoch}:${evr}` : evr,
    ecosystem: 'rpm',
    purl: formatPurl({
      type: 'rpm',
      namespace: id ? VENDOR[id] ?? id : null,
      name,
      version: evr,
      qualifiers: { arch, epoch: epoch ? String(epoch) : null, distro: distroQualifier(context.os) },
    }),
    arch,
    source: sourceRpm(text(header.get(RpmTag.SOURCERPM))),
    licenses: licenseList([text(header.get(RpmTag.LICENSE))]),
    locations: [path, ...files(header)],
    foundBy: 'rpmdb-sqlite',
  };
}

/** RPM's sqlite database (Fedora 33+, RHEL 9, Rocky/Alma 9, Amazon Linux 2023): one header blob per package. */
export const rpmSqliteCataloger: Cataloger = {
  name: 'rpmdb-sqlite',
  matches: (path) => SQLITE_DB.test(path),
  catalog: async (path, content, context) => {
    sqlJs ??= initSqlJs();
    const db = new (await sqlJs).Database(content);
    const notes: FoundNote[] = [];
    const packages: FoundPackage[] = [];
    try {
      const statement = db.prepare('SELECT blob FROM Packages');
      while (statement.step()) {
        const blob = statement.get()[0];
        if (!(blob instanceof Uint8Array)) continue;
        try {
          const found = toPackage(parseRpmHeader(Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength), WANTED), path, context);
          if (found) packages.push(found);
        } catch (error) {
          notes.push({ code: 'metadata_unreadable', message: `a package header in ${path} is corrupt: ${(error as Error).message}`, path });
        }
      }
      statement.free();
    } finally {
      db.close();
    }
    if ((context.files.get(`${path}-wal`)?.size ?? 0) > 0) {
      notes.push({ code: 'metadata_unreadable', message: `${path}-wal holds changes not yet merged into the database; they were not read`, path: `${path}-wal` });
    }
    return { packages, notes };
  },
};

const LEGACY_DBS = ['/var/lib/rpm/Packages', '/var/lib/rpm/Packages.db', '/usr/lib/sysimage/rpm/Packages', '/usr/lib/sysimage/rpm/Packages.db'];

/** Berkeley DB (`Packages`) and NDB (`Packages.db`) rpm databases are not read: say so instead of reporting nothing. */
export function legacyRpmdbNotes(files: ReadonlyMap<string, { type: string; layerIndex: number }>): Note[] {
  return LEGACY_DBS.filter((path) => files.get(path)?.type === 'file').map((path) => ({
    code: 'rpmdb_not_read',
    message: `${path} is an rpm ${path.endsWith('.db') ? 'NDB' : 'Berkeley DB'} database, which this scanner does not read: its packages are not in the SBOM`,
    path,
    layerIndex: files.get(path)?.layerIndex,
  }));
}
