import { readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { AdvisoryError } from '../advisory-error.js';
import { type Advisory } from '../advisory.js';
import { failedRecord, type AdvisoryRecordResult } from '../sources/record-result.js';
import { debianAffected, type DebianStatus } from './debian-affected.js';
import { debianEcosystem } from './debian-releases.js';

const HEADER = /^\[(\d{1,2}) ([A-Z][a-z]{2}) (\d{4})\] ((?:DSA|DLA|DTSA)-\d+(?:-\d+)?)(?:\s+(.*))?$/;
const RELEASE = /^\s+\[([a-z0-9-]+)\]\s+-\s+(\S+)\s+(\S+)(?:\s+(.*))?$/;
const DEBIAN_VERSION = /^(?:\d+:)?\d[A-Za-z0-9.+~:-]*$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const STATUSES: Record<string, DebianStatus | null> = { '<unfixed>': 'unfixed', '<end-of-life>': 'end-of-life', '<not-affected>': null };

interface Pending {
  advisory: Advisory;
  warnings: string[];
  source: string;
}

function startAdvisory(match: RegExpExecArray, source: string): Pending {
  const [, day, month, year, id, rest = ''] = match;
  const monthIndex = MONTHS.indexOf(month);
  if (monthIndex < 0) throw new AdvisoryError('invalid_record', `unknown month "${month}"`);
  const date = new Date(Date.UTC(Number(year), monthIndex, Number(day))).toISOString();
  const text = rest.replace(/\s+/g, ' ').trim();
  const split = text.indexOf(' - ');
  const summary = split < 0 ? text : `${text.slice(0, split)}: ${text.slice(split + 3)}`;
  const advisory: Advisory = { id, modified: date, published: date, aliases: [], related: [], severity: {}, affected: [], references: [] };
  if (summary) advisory.summary = summary;
  return { advisory, warnings: [], source };
}

/** Adds the affected entry of a release line; returns a warning when the line has to be ignored. */
function addRelease(advisory: Advisory, match: RegExpExecArray, where: string): string | undefined {
  const [, codename, name, version, note] = match;
  const ecosystem = debianEcosystem(codename);
  if (!ecosystem) return `${where}: unknown Debian release "${codename}"; ignored`;
  const status = version.startsWith('<') ? STATUSES[version] : 'fixed';
  if (status === undefined) return `${where}: unknown status ${version}; ignored`;
  if (status === 'fixed' && !DEBIAN_VERSION.test(version)) return `${where}: "${version}" is not a Debian version; ignored`;
  if (status === null) return undefined;
  const extra = note ? { note: note.replace(/^\((.*)\)$/, '$1') } : {};
  advisory.affected.push(debianAffected(ecosystem, name, status, version, extra));
  return undefined;
}

/**
 * Advisories from the security tracker's `data/DSA/list` or `data/DLA/list` text: one per `[date] DSA-n-r …` header,
 * with its `{CVE-…}` ids as aliases and an affected entry per `[release] - package version` line (`<unfixed>` and
 * `<end-of-life>` affect every version, `<not-affected>` adds nothing). `source` names the list in results.
 */
export function* parseDebianAdvisoryList(text: string, source = 'list'): Generator<AdvisoryRecordResult> {
  let pending: Pending | null = null;
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index].replace(/\r$/, '');
    const lineNo = index + 1;
    if (line.trim() === '' || /^\s+NOTE:/.test(line)) continue;
    if (!/^\s/.test(line)) {
      if (pending) yield { ok: true, source: pending.source, advisory: pending.advisory, warnings: pending.warnings };
      pending = null;
      const header = HEADER.exec(line);
      try {
        if (!header) throw new AdvisoryError('invalid_record', `not an advisory header: "${line.slice(0, 120)}"`);
        pending = startAdvisory(header, `${source}:${lineNo}`);
      } catch (error) {
        yield failedRecord(`${source}:${lineNo}`, error);
      }
      continue;
    }
    if (!pending) continue;
    const cves = /^\s+\{([^}]*)\}\s*$/.exec(line);
    const release = RELEASE.exec(line);
    if (cves) pending.advisory.aliases.push(...cves[1].split(/\s+/).filter(Boolean));
    else if (release) {
      const warning = addRelease(pending.advisory, release, `line ${lineNo}`);
      if (warning) pending.warnings.push(warning);
    } else pending.warnings.push(`line ${lineNo}: not understood: "${line.trim().slice(0, 120)}"`);
  }
  if (pending) yield { ok: true, source: pending.source, advisory: pending.advisory, warnings: pending.warnings };
}

/** Reads a DSA/DLA list file and parses it (the file is at most a few MiB). */
export async function* readDebianAdvisoryList(path: string): AsyncGenerator<AdvisoryRecordResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new AdvisoryError('unreadable', `cannot read ${path}: ${(error as Error).message}`);
  }
  yield* parseDebianAdvisoryList(text, `${basename(dirname(path))}/${basename(path)}`);
}
