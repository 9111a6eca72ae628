import { type EntityManager } from 'typeorm';

// one transaction-level advisory lock id for the scanner's matching, arbitrary but fixed
const MATCHING_LOCK = 0x6468_6973_6d61;

/**
 * Held shared by every scan while it matches and stores its packages, exclusive by the re-matcher while it turns
 * advisory changes into builds to re-match: a scan that read the advisories before an import committed is then
 * visible to the re-matcher, and one that starts after reads the new advisories. Released at commit.
 */
export async function lockMatchingShared(manager: EntityManager): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock_shared($1)', [MATCHING_LOCK]);
}

/** The re-matcher's side of lockMatchingShared. */
export async function lockMatchingExclusive(manager: EntityManager): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock($1)', [MATCHING_LOCK]);
}
