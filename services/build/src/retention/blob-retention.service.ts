import { stat } from 'node:fs/promises';
import { Inject, Injectable } from '@nestjs/common';
import { FileBlobStore } from '@dhi/image';
import { InjectLogger, type Logger } from '@dhi/service-kit';
import { DataSource, type EntityManager } from 'typeorm';
import { BUILD_SETTINGS, type BuildSettings } from '../config.js';
import { loadBlobReferences, referencedAmong } from './blob-references.js';
import { BlobTrash, type TrashedBlob } from './blob-trash.js';

export interface BlobCount {
  blobs: number;
  bytes: number;
}

/** What one retention run found; in a dry run `deleted` is what it would have deleted. */
export interface RetentionReport {
  dryRun: boolean;
  graceHours: number;
  scanned: BlobCount;
  referenced: BlobCount;
  /** Unreferenced, but younger than the grace period: an import or a queued build may be about to reference them. */
  young: BlobCount;
  deleted: BlobCount;
  durationMs: number;
}

interface Candidate {
  digest: string;
  size: number;
}

// two-key advisory lock: one retention run per schema, across every replica sharing the blob store
const LOCK_SQL = "SELECT pg_try_advisory_lock(hashtext('dhi.blob-retention'), hashtext(current_schema())) AS locked";
const UNLOCK_SQL = "SELECT pg_advisory_unlock(hashtext('dhi.blob-retention'), hashtext(current_schema()))";
const BATCH = 500;

const count = (): BlobCount => ({ blobs: 0, bytes: 0 });
const add = (into: BlobCount, bytes: number): void => {
  into.blobs += 1;
  into.bytes += bytes;
};

/** Deletes blobs no build references once they are older than the grace period (BLOB_RETENTION_GRACE_HOURS). */
@Injectable()
export class BlobRetentionService {
  private readonly trash: BlobTrash;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(FileBlobStore) private readonly blobs: FileBlobStore,
    @Inject(BUILD_SETTINGS) private readonly settings: BuildSettings,
    @InjectLogger() private readonly logger: Logger,
  ) {
    this.trash = new BlobTrash(blobs);
  }

  /** One run; null when another run (this or another replica) holds the lock. */
  async collect(options: { dryRun?: boolean } = {}): Promise<RetentionReport | null> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }]: { locked: boolean }[] = await runner.query(LOCK_SQL);
      if (!locked) return null;
      try {
        return await this.run(runner.manager, options.dryRun ?? false);
      } finally {
        await runner.query(UNLOCK_SQL);
      }
    } finally {
      await runner.release();
    }
  }

  private async run(manager: EntityManager, dryRun: boolean): Promise<RetentionReport> {
    const started = Date.now();
    const { graceHours } = this.settings.retention;
    const report: RetentionReport = { dryRun, graceHours, scanned: count(), referenced: count(), young: count(), deleted: count(), durationMs: 0 };
    if (!dryRun) await this.trash.restoreLeftovers();
    const cutoffMs = started - graceHours * 3_600_000;
    const references = await loadBlobReferences(manager);
    let candidates: Candidate[] = [];
    for await (const digest of this.blobs.list()) {
      const info = await stat(this.blobs.pathOf(digest)).catch(() => null);
      if (!info) continue;
      add(report.scanned, info.size);
      if (references.has(digest)) add(report.referenced, info.size);
      else if (info.mtimeMs > cutoffMs) add(report.young, info.size);
      else candidates.push({ digest, size: info.size });
      if (candidates.length >= BATCH) {
        await this.settle(manager, candidates, cutoffMs, report);
        candidates = [];
      }
    }
    await this.settle(manager, candidates, cutoffMs, report);
    report.durationMs = Date.now() - started;
    this.logger.info({ retention: report }, dryRun ? 'blob retention dry run' : 'blob retention run');
    return report;
  }

  /** Re-checks a batch of old unreferenced blobs and deletes those still unreferenced and old. */
  private async settle(manager: EntityManager, candidates: Candidate[], cutoffMs: number, report: RetentionReport): Promise<void> {
    if (candidates.length === 0) return;
    if (report.dryRun) {
      const referenced = await referencedAmong(manager, candidates.map((c) => c.digest));
      for (const candidate of candidates) add(referenced.has(candidate.digest) ? report.referenced : report.deleted, candidate.size);
      return;
    }
    const trashed: TrashedBlob[] = [];
    for (const candidate of candidates) {
      const blob = await this.trash.take(candidate.digest);
      if (blob) trashed.push(blob);
    }
    // The last look, with the blobs out of sight: an import storing one of them from now on links a fresh copy, and a
    // build that referenced one before this query is seen. An import that found one still stored just before the rename
    // shows as a fresh mtime on the trashed file once the blob store refreshes it on reuse.
    const referenced = await referencedAmong(manager, trashed.map((b) => b.digest));
    for (const blob of trashed) {
      if (referenced.has(blob.digest)) {
        await this.trash.restore(blob);
        add(report.referenced, blob.size);
      } else if (blob.modifiedAtMs > cutoffMs) {
        await this.trash.restore(blob);
        add(report.young, blob.size);
      } else {
        await this.trash.purge(blob);
        add(report.deleted, blob.size);
      }
    }
  }
}
