// The official SPDX 2.3 JSON schema for tests: the SPDX project publishes it inside its Java tools on Maven Central
// (resources/spdx-schema-v2.3.json of org.spdx:tools-java; the same document as schemas/spdx-schema.json of spdx-spec's
// 2.3.1 support branch, `$id` http://spdx.org/rdf/terms/2.3). Fetched with mvn once, extracted and cached.
// Usage: node tools/spdx-schema.mjs   (prints the path of the cached schema)
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheDir } from './stack/paths.mjs';
import { run } from './stack/proc.mjs';

export const SPDX_TOOLS_JAVA = { group: 'org.spdx', artifact: 'tools-java', version: '2.0.1' };
const ENTRY = 'resources/spdx-schema-v2.3.json';
// the schema this project reviewed; a different file under the same coordinates is refused
const SCHEMA_SHA256 = '84ee72e4f0f12cbc119847b65be560726637bc22c6178838033275dbad5b8a22';

const yauzl = createRequire(import.meta.url)('yauzl');

function readZipEntry(zipPath, entryName) {
  return new Promise((resolve, reject) => {
    yauzl.open(zipPath, { lazyEntries: true }, (openError, zip) => {
      if (openError) return reject(openError);
      zip.on('error', reject);
      zip.on('end', () => reject(new Error(`${entryName} is not in ${path.basename(zipPath)}`)));
      zip.on('entry', (entry) => {
        if (entry.fileName !== entryName) return zip.readEntry();
        zip.openReadStream(entry, async (streamError, stream) => {
          if (streamError) return reject(streamError);
          const chunks = [];
          for await (const chunk of stream) chunks.push(chunk);
          zip.close();
          resolve(Buffer.concat(chunks));
        });
      });
      zip.readEntry();
    });
  });
}

/** The path of the cached official SPDX 2.3 JSON schema, fetching org.spdx:tools-java with Maven on first use. */
export async function ensureSpdxSchema({ log = (message) => process.stderr.write(`[spdx-schema] ${message}\n`) } = {}) {
  const { group, artifact, version } = SPDX_TOOLS_JAVA;
  const dir = path.join(cacheDir(), `spdx-${artifact}-${version}`);
  const schemaPath = path.join(dir, path.basename(ENTRY));
  if (existsSync(schemaPath)) return schemaPath;

  log(`fetching ${group}:${artifact}:${version} with Maven for ${ENTRY}`);
  const work = path.join(cacheDir(), `.spdx-schema.${process.pid}.${randomBytes(4).toString('hex')}`);
  mkdirSync(work, { recursive: true });
  try {
    // one artifact, no dependencies: the jar holds the schema as a resource
    const args = ['-q', '-B', '-Dstyle.color=never', 'dependency:copy', `-Dartifact=${group}:${artifact}:${version}:jar`, `-DoutputDirectory=${work}`];
    try {
      await run('mvn', args, { cwd: work, timeoutMs: 10 * 60_000 });
    } catch (error) {
      const hint = /cannot run mvn/.test(error.message) ? ' (install Maven: apt-get install maven)' : '';
      throw new Error(`could not fetch ${artifact} ${version}${hint}: ${error.message}`);
    }
    const schema = await readZipEntry(path.join(work, `${artifact}-${version}.jar`), ENTRY);
    const sha256 = createHash('sha256').update(schema).digest('hex');
    if (sha256 !== SCHEMA_SHA256) throw new Error(`${ENTRY} of ${artifact} ${version} has sha256 ${sha256}, expected ${SCHEMA_SHA256}`);
    mkdirSync(dir, { recursive: true });
    const partial = path.join(work, 'schema.json');
    writeFileSync(partial, schema);
    renameSync(partial, schemaPath);
    return schemaPath;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureSpdxSchema()
    .then((schemaPath) => process.stdout.write(`${schemaPath}\n`))
    .catch((error) => {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    });
}
