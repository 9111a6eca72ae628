import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Advisory, osvRecordsFromBytes, parseDebianAdvisoryList } from '@dhi/advisories';
import { type OsIdentity, type Package } from '@dhi/sbom';
import { canonicalEcosystem, packageNameKey } from '@dhi/versions';
import { type AdvisoryCandidate } from '../src/index.js';

const CORPORA = process.env.DHI_CORPORA_DIR ?? resolve(__dirname, '../../../../shared/corpora');

/** The advisories of one corpora file, parsed as the import parses them. */
export function corpusAdvisories(relative: string): Advisory[] {
  const path = resolve(CORPORA, relative);
  const results = relative.endsWith('/list')
    ? [...parseDebianAdvisoryList(readFileSync(path, 'utf8'), relative)]
    : osvRecordsFromBytes(readFileSync(path), relative);
  return results.flatMap((r) => (r.ok ? [r.advisory] : []));
}

/** The candidates the advisory database would hand out for these advisories (withdrawn ones are never handed out). */
export function candidatesOf(advisories: readonly Advisory[]): AdvisoryCandidate[] {
  return advisories
    .filter((a) => !a.withdrawn)
    .flatMap((a) =>
      a.affected.map((affected) => {
        const ecosystem = canonicalEcosystem(affected.ecosystem);
        return { advisoryId: a.id, aliases: a.aliases, summary: a.summary ?? null, severity: a.severity, ecosystem, name: packageNameKey(ecosystem, affected.name), affected };
      }),
    );
}

/** A package as the catalogers report it. */
export function pkg(fields: Partial<Package> & Pick<Package, 'name' | 'version' | 'ecosystem'>): Package {
  return {
    purl: `pkg:${fields.ecosystem}/${fields.name}@${fields.version}`,
    arch: null,
    source: null,
    licenses: [],
    layerIndex: 1,
    layerDigest: `sha256:${'b'.repeat(64)}`,
    locations: [`/app/node_modules/${fields.name}/package.json`],
    foundBy: 'test',
    ...fields,
  };
}

export const DEBIAN_11: OsIdentity = { id: 'debian', versionId: '11', prettyName: 'Debian GNU/Linux 11 (bullseye)', ecosystem: 'Debian:11' };
export const DEBIAN_12: OsIdentity = { id: 'debian', versionId: '12', prettyName: 'Debian GNU/Linux 12 (bookworm)', ecosystem: 'Debian:12' };
