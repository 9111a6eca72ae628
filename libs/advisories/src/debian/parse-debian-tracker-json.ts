import { AdvisoryError } from '../advisory-error.js';
import { type Advisory, type SeverityRating } from '../advisory.js';
import { failedRecord, type AdvisoryRecordResult } from '../sources/record-result.js';
import { debianAffected, type DebianStatus } from './debian-affected.js';
import { debianEcosystem } from './debian-releases.js';

interface TrackerRelease {
  status?: unknown;
  fixed_version?: unknown;
  urgency?: unknown;
}

// Tracker urgencies; a trailing `*` or `**` marks one taken from NVD rather than set by the security team.
const URGENCY: Record<string, SeverityRating> = { high: 'high', medium: 'medium', low: 'low', unimportant: 'none' };
const ORDER: SeverityRating[] = ['none', 'low', 'medium', 'high', 'critical'];

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

function statusOf(release: TrackerRelease): { status: DebianStatus; fixed?: string } | null | undefined {
  const urgency = typeof release.urgency === 'string' ? release.urgency : '';
  if (release.status === 'resolved') {
    const fixed = typeof release.fixed_version === 'string' ? release.fixed_version : undefined;
    // a fix "in version 0" is the tracker's way of saying the release never had the vulnerable code
    return fixed === undefined || fixed === '0' ? null : { status: 'fixed', fixed };
  }
  if (release.status === 'open') return { status: urgency === 'end-of-life' ? 'end-of-life' : 'unfixed' };
  if (release.status === 'undetermined') return { status: 'undetermined' };
  return undefined;
}

type Collected = Map<string, { advisory: Advisory; warnings: string[] }>;

function addPackage(advisories: Collected, pkg: string, id: string, entry: Record<string, unknown>, modified: string): void {
  const releases = entry.releases;
  if (!isObject(releases)) throw new AdvisoryError('invalid_record', `${pkg}/${id}: "releases" is not an object`);
  let item = advisories.get(id);
  if (!item) {
    const description = typeof entry.description === 'string' ? entry.description.trim() : '';
    const advisory: Advisory = {
      id: `DEBIAN-${id}`, modified, aliases: id.startsWith('CVE-') ? [id] : [], related: [], severity: {}, affected: [], references: [],
      ...(description && { summary: description.split('\n')[0], details: description }),
    };
    item = { advisory, warnings: [] };
    advisories.set(id, item);
  }
  for (const [codename, raw] of Object.entries(releases)) {
    const ecosystem = debianEcosystem(codename);
    const state = isObject(raw) ? statusOf(raw) : undefined;
    if (!ecosystem || state === undefined) {
      item.warnings.push(`${pkg}/${codename}: ${ecosystem ? 'unknown status' : 'unknown release'}; ignored`);
      continue;
    }
    if (state === null) continue;
    const urgency = String((raw as TrackerRelease).urgency ?? '').replace(/\*+$/, '');
    item.advisory.affected.push(debianAffected(ecosystem, pkg, state.status, state.fixed, urgency ? { urgency } : {}));
    const rating = URGENCY[urgency];
    const current = item.advisory.severity.databaseSpecific?.rating;
    if (rating && (!current || ORDER.indexOf(rating) > ORDER.indexOf(current))) {
      item.advisory.severity = { databaseSpecific: { value: urgency, rating }, rating, ratingSource: 'database_specific' };
    }
  }
}

/**
 * Advisories from the security tracker's JSON (`{package: {CVE-id: {releases: {codename: {status, fixed_version,
 * urgency}}}}}`): one `DEBIAN-<CVE>` advisory per CVE with an affected entry per package and release. The JSON has no
 * dates, so `modified` (e.g. when the file was fetched) is given by the caller.
 */
export function* parseDebianTrackerJson(
  input: string | Record<string, unknown>,
  modified: string,
  source = 'tracker.json',
): Generator<AdvisoryRecordResult> {
  let data: unknown;
  try {
    data = typeof input === 'string' ? JSON.parse(input) : input;
  } catch (error) {
    throw new AdvisoryError('unreadable', `${source} is not valid JSON: ${(error as Error).message}`);
  }
  if (!isObject(data)) throw new AdvisoryError('unreadable', `${source} is not the tracker's JSON (an object keyed by package)`);
  const advisories: Collected = new Map();
  for (const [pkg, issues] of Object.entries(data)) {
    if (!isObject(issues)) {
      yield failedRecord(`${source}#${pkg}`, new AdvisoryError('invalid_record', `${pkg}: expected an object keyed by CVE id`));
      continue;
    }
    for (const [id, entry] of Object.entries(issues)) {
      try {
        if (!isObject(entry)) throw new AdvisoryError('invalid_record', `${pkg}/${id}: expected an object`);
        addPackage(advisories, pkg, id, entry, modified);
      } catch (error) {
        yield failedRecord(`${source}#${pkg}/${id}`, error);
      }
    }
  }
  for (const [id, { advisory, warnings }] of advisories) yield { ok: true, source: `${source}#${id}`, advisory, warnings };
}
