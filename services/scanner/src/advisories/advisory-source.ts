import { open, stat } from 'node:fs/promises';
import { type AdvisoryRecordResult, readDebianAdvisoryList, readOsvSource } from '@dhi/advisories';

// the header line of the security tracker's data/DSA/list, data/DLA/list and data/DTSA/list
const DEBIAN_LIST_HEADER = /^\[\d{1,2} [A-Z][a-z]{2} \d{4}\] (?:DSA|DLA|DTSA)-\d/;

/** Whether a file is a Debian security-tracker advisory list, from its first line (never from its name). */
export async function isDebianAdvisoryList(path: string): Promise<boolean> {
  if (!(await stat(path)).isFile()) return false;
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const firstLine = head.toString('utf8', 0, bytesRead).split('\n').find((line) => line.trim() !== '') ?? '';
    return DEBIAN_LIST_HEADER.test(firstLine);
  } finally {
    await handle.close();
  }
}

/** The advisory records of a path: a Debian DSA/DLA list, or an OSV file, directory tree, zip or tar(.gz). */
export async function* advisoryRecordsOf(path: string): AsyncGenerator<AdvisoryRecordResult> {
  if (await isDebianAdvisoryList(path)) yield* readDebianAdvisoryList(path);
  else yield* readOsvSource(path);
}
