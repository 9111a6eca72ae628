import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { corporaDir, type ServiceUnderTest, startServiceUnderTest } from '@dhi/testing';
import request from 'supertest';
import * as tar from 'tar-stream';
import { DataSource } from 'typeorm';
import { advisoryRecordsOf } from '../src/advisories/advisory-source.js';
import { importAdvisories } from '../src/advisories/import-advisories.js';
import { scannerService } from '../src/service.js';

const OSV = join(corporaDir(), 'osv');
const DSA_LIST = join(corporaDir(), 'debian', 'DSA', 'list');

async function tarGz(files: { name: string; body: Buffer | string }[]): Promise<Buffer> {
  const pack = tar.pack();
  for (const file of files) pack.entry({ name: file.name }, file.body);
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of pack) chunks.push(chunk as Buffer);
  return gzipSync(Buffer.concat(chunks));
}

describe('advisory database against real PostgreSQL', () => {
  let scanner: ServiceUnderTest;
  let db: DataSource;
  const http = () => request(scanner.app.getHttpServer());
  const count = async (sql: string, params: unknown[] = []): Promise<number> => Number((await db.query(sql, params))[0].n);
  const upload = (name: string, body: Buffer | string) => http().post('/v1/advisories/import').attach('file', Buffer.from(body), name);

  beforeAll(async () => {
    scanner = await startServiceUnderTest({ definition: scannerService });
    db = scanner.app.get(DataSource);
  }, 150_000);

  afterAll(() => scanner?.stop(), 60_000);

  it('imports the whole Go and PyPI corpora through the service function, and a re-import changes nothing', async () => {
    const go = await importAdvisories(db, advisoryRecordsOf(join(OSV, 'go')), { source: 'go' });
    expect(go).toMatchObject({ imported: 4_291, updated: 0, unchanged: 0, withdrawn: 17, failed: 0, errors: [] });
    const pypi = await importAdvisories(db, advisoryRecordsOf(join(OSV, 'pypi')), { source: 'pypi' });
    expect(pypi).toMatchObject({ imported: 2_661, updated: 0, unchanged: 0, withdrawn: 10, failed: 0 });
    const maven = await importAdvisories(db, advisoryRecordsOf(join(OSV, 'maven')), { source: 'maven' });
    expect(maven.failed).toBe(0);
    expect(maven.imported + maven.unchanged).toBe(365);

    expect(await count(`SELECT count(*) AS n FROM scanner.advisories WHERE id LIKE 'GO-%'`)).toBe(4_291);
    expect(await count(`SELECT count(*) AS n FROM scanner.advisories WHERE withdrawn IS NOT NULL`)).toBe(27);
    // names are stored under the matching key: PEP 503 for PyPI
    expect(await count(`SELECT count(*) AS n FROM scanner.advisory_packages WHERE ecosystem = 'PyPI' AND name <> lower(name)`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM scanner.advisory_packages WHERE ecosystem = 'Go' AND name = 'stdlib'`)).toBeGreaterThan(100);
    const [log4shell] = await db.query(`SELECT aliases FROM scanner.advisories WHERE id = 'GHSA-jfh8-c2jp-5v3q'`);
    expect(log4shell.aliases).toContain('CVE-2021-44228');

    const again = await importAdvisories(db, advisoryRecordsOf(join(OSV, 'go')), { source: 'go again' });
    expect(again).toMatchObject({ imported: 0, updated: 0, unchanged: 4_291, withdrawn: 0, failed: 0 });
  }, 300_000);

  it('imports the npm corpus uploaded as a tar.gz, naming a malformed entry among the failures', async () => {
    const dir = join(OSV, 'npm');
    const files: { name: string; body: Buffer | string }[] = readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .map((name) => ({ name: `npm/${name}`, body: readFileSync(join(dir, name)) }));
    files.push({ name: 'npm/broken.json', body: '{"id": "GHSA-broken", "modified": ' });
    const response = await upload('npm.tar.gz', await tarGz(files)).expect(200);
    expect(response.body).toMatchObject({ imported: 43, updated: 0, unchanged: 0, failed: 1 });
    expect(response.body.errors).toEqual([{ source: 'npm.tar.gz!npm/broken.json', reason: expect.stringMatching(/./) }]);
    expect(response.body.durationMs).toEqual(expect.any(Number));

    const again = await upload('npm.tar.gz', await tarGz(files.slice(0, -1))).expect(200);
    expect(again.body).toMatchObject({ imported: 0, updated: 0, unchanged: 43, failed: 0 });
  });

  it('replaces a record and its package rows when its modified is newer, skips it otherwise, and flags withdrawn ones', async () => {
    const dir = join(OSV, 'npm');
    const [name] = readdirSync(dir).filter((file) => file.endsWith('.json'));
    const record = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    const id: string = record.id;
    const newer = { ...record, modified: '2099-01-01T00:00:00Z', affected: [{ package: { ecosystem: 'npm', name: 'Left-Pad' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '9.9.9' }] }] }] };
    expect((await upload(`${id}.json`, JSON.stringify(newer)).expect(200)).body).toMatchObject({ imported: 0, updated: 1, unchanged: 0 });
    expect(await db.query(`SELECT ecosystem, name FROM scanner.advisory_packages WHERE advisory_id = $1`, [id])).toEqual([{ ecosystem: 'npm', name: 'left-pad' }]);

    const older = { ...newer, modified: '2098-01-01T00:00:00Z', affected: [] };
    expect((await upload(`${id}.json`, JSON.stringify(older)).expect(200)).body).toMatchObject({ updated: 0, unchanged: 1 });
    expect(await count(`SELECT count(*) AS n FROM scanner.advisory_packages WHERE advisory_id = $1`, [id])).toBe(1);

    const withdrawn = { ...newer, modified: '2099-02-01T00:00:00Z', withdrawn: '2099-02-01T00:00:00Z' };
    const yaml = `id: ${id}\nmodified: ${withdrawn.modified}\nwithdrawn: ${withdrawn.withdrawn}\naffected:\n  - package: {ecosystem: npm, name: left-pad}\n    versions: ["1.0.0"]\n`;
    expect((await upload('withdrawn.yaml', yaml).expect(200)).body).toMatchObject({ updated: 1, withdrawn: 1 });
    expect(await count(`SELECT count(*) AS n FROM scanner.advisories WHERE id = $1 AND withdrawn IS NOT NULL`, [id])).toBe(1);
  });

  it('imports a Debian DSA list upload under Debian:<release> and source package names', async () => {
    const response = await upload('list', readFileSync(DSA_LIST)).expect(200);
    expect(response.body).toMatchObject({ imported: 5_406, updated: 0, failed: 0 });
    const rows = await db.query(`SELECT ecosystem, name FROM scanner.advisory_packages WHERE advisory_id = 'DSA-5380-1'`);
    expect(rows).toEqual([{ ecosystem: 'Debian:11', name: 'xorg-server' }]);
    const [dsa] = await db.query(`SELECT aliases FROM scanner.advisories WHERE id = 'DSA-5380-1'`);
    expect(dsa.aliases).toEqual(['CVE-2023-1393']);
    // the list ends in April 2023, before bookworm's release: buster and bullseye are its newest releases
    expect(await count(`SELECT count(*) AS n FROM scanner.advisory_packages WHERE ecosystem = 'Debian:10'`)).toBeGreaterThan(0);
  });

  it('reports status: counts per ecosystem, withdrawn, and the last import', async () => {
    const last = await upload('list', readFileSync(DSA_LIST)).expect(200);
    expect(last.body).toMatchObject({ imported: 0, unchanged: 5_406 });
    const status = (await http().get('/v1/advisories/status').expect(200)).body;
    expect(status.advisories).toBe(await count(`SELECT count(*) AS n FROM scanner.advisories`));
    expect(status.advisories).toBe(4_291 + 2_661 + 365 + 43 + 5_406);
    expect(status.withdrawn).toBe(28);
    const byEcosystem = Object.fromEntries(status.ecosystems.map((e: { ecosystem: string; advisories: number }) => [e.ecosystem, e.advisories]));
    // withdrawn records stay stored but drop out of the per-ecosystem counts matching relies on
    const goLive = await count(`SELECT count(*) AS n FROM scanner.advisories WHERE id LIKE 'GO-%' AND withdrawn IS NULL`);
    expect(goLive).toBe(4_291 - 17);
    expect(byEcosystem['Go']).toBe(await count(`SELECT count(DISTINCT p.advisory_id) AS n FROM scanner.advisory_packages p JOIN scanner.advisories a ON a.id = p.advisory_id WHERE p.ecosystem = 'Go' AND a.withdrawn IS NULL`));
    expect(byEcosystem['Go']).toBeGreaterThanOrEqual(goLive);
    expect(byEcosystem['Debian:11']).toBe(await count(`SELECT count(DISTINCT advisory_id) AS n FROM scanner.advisory_packages WHERE ecosystem = 'Debian:11'`));
    expect(status.lastImport).toMatchObject({ source: 'list', summary: last.body });
  });

  it('answers bad input with problem JSON and keeps no temp files', async () => {
    const spooled = () => readdirSync(tmpdir()).filter((name) => name.startsWith('dhi-advisories-'));
    const before = spooled();
    const notMultipart = await http().post('/v1/advisories/import').send({ file: 'x' }).expect(400);
    expect(notMultipart.headers['content-type']).toMatch(/^application\/problem\+json/);
    const noFile = await http().post('/v1/advisories/import').field('other', 'x').expect(400);
    expect(noFile.body).toMatchObject({ type: 'urn:dhi:problem:missing_file' });
    const garbage = await upload('notes.txt', 'this is not an advisory').expect(400);
    expect(garbage.body).toMatchObject({ type: 'urn:dhi:problem:no_advisories', errors: [{ source: 'notes.txt' }] });
    const corrupt = await upload('all.zip', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64)])).expect(400);
    expect(corrupt.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(spooled()).toEqual(before);
    const docs = await http().get('/docs-json').expect(200);
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/v1/advisories/import', '/v1/advisories/status']));
  });
});
