import { ModelRecord } from '@dhi/model-registry';
import { createBaseMigration, type PersistenceLogger, type ServiceDatabaseOptions } from '@dhi/persistence';
import { envVar, serviceConfigShape, wholeNumberVar } from '@dhi/service-kit';
import { type z } from 'zod';
import { FindingRecord } from './finding.entity.js';
import { CreateScannerTables1767312000000 } from './migrations/1767312000000-create-scanner-tables.js';
import { CreateAdvisoryTables1767398400000 } from './migrations/1767398400000-create-advisory-tables.js';
import { CreateSbomTable1767484800000 } from './migrations/1767484800000-create-sbom-table.js';
import { CreateMatchingTables1767571200000 } from './migrations/1767571200000-create-matching-tables.js';
import { AddScanReport1767657600000 } from './migrations/1767657600000-add-scan-report.js';
import { parseLineagePatterns, parsePathGlobs } from './on-build-completed/runtime-lineages.js';
import { SbomRecord } from './sbom.entity.js';
import { ScanRecord } from './scan.entity.js';

export const SERVICE = 'scanner';
export const SCHEMA = 'scanner';

// Kafka's own rule for group ids, so a typo stops the service at start instead of at subscribe time.
const GROUP_ID = /^[A-Za-z0-9._-]{1,249}$/;

export const scannerConfigShape = {
  ...serviceConfigShape(8082),
  /** Tests and side-by-side deployments use their own group so they do not take each other's messages. */
  KAFKA_GROUP_ID: envVar('a Kafka consumer group id (letters, digits, ".", "_", "-")', (raw) => (GROUP_ID.test(raw) ? raw : undefined), SERVICE),
  /** How often the re-matcher looks for advisory changes it has not applied yet (an import through the API wakes it at once). */
  REMATCH_INTERVAL_MS: wholeNumberVar('ms', 100, 3_600_000, 5_000),
  /** Lineages of runtime (minimal) variants, comma-separated globs: a shell or package manager in them is a finding. */
  RUNTIME_LINEAGES: envVar('comma-separated lineage patterns (letters, digits, ".", "_", "/", "-", "*")', parseLineagePatterns, ''),
  /** Paths the secret scan neither reads nor reports: comma-separated globs, each starting with `/` or `**` (see docs/checks.md). */
  SECRET_ALLOW_PATHS: envVar('comma-separated absolute path globs', parsePathGlobs, ''),
};

/** What the re-matching worker needs from the config. */
export const REMATCH_SETTINGS = Symbol.for('dhi.scanner.rematchSettings');
export interface RematchSettings {
  intervalMs: number;
}

export type ScannerConfig = z.infer<z.ZodObject<typeof scannerConfigShape>>;

/** The scanner's own schema, entities and migrations (the base migration first). */
export function databaseOptions(config: Pick<ScannerConfig, 'DATABASE_URL'>, logger?: PersistenceLogger): ServiceDatabaseOptions {
  return {
    url: config.DATABASE_URL,
    schema: SCHEMA,
    entities: [ScanRecord, FindingRecord, SbomRecord, ModelRecord],
    migrations: [
      createBaseMigration(SCHEMA),
      CreateScannerTables1767312000000, CreateAdvisoryTables1767398400000, CreateSbomTable1767484800000, CreateMatchingTables1767571200000,
      AddScanReport1767657600000,
    ],
    logger,
  };
}
