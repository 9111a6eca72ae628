import { contentsMatching, type FinalFiles } from './final-files.js';

/** Crontabs: the system one, cron.d, busybox's /etc/crontabs and the per-user spool (which Alpine links to it). */
export const CRONTAB_FILE = /^\/(?:etc\/crontab|etc\/cron\.d\/[^/]+|etc\/crontabs\/[^/]+|var\/spool\/cron\/.+)$/;

/** Scripts that run-parts starts from a crontab: Debian's /etc/cron.<period>/ and Alpine's /etc/periodic/<period>/. */
const PERIODIC_SCRIPT = /^(\/etc\/(?:cron\.(?:hourly|daily|weekly|monthly)|periodic\/[^/]+))\/([^/.][^/]*)$/;

// `NAME=value` lines set the environment of later entries: they schedule nothing
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*\s*=/;

/** A crontab's entries, whitespace collapsed; comments, blank lines and variable assignments are dropped. */
export function cronLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim().replace(/\s+/g, ' '))
    .filter((line) => line !== '' && !line.startsWith('#') && !ASSIGNMENT.test(line));
}

/** Every cron entry of the final filesystem as `<file>: <entry>`, and every periodic script as `<script>: run-parts <dir>`. */
export function cronEntries(view: FinalFiles): string[] {
  const entries: string[] = [];
  for (const [path, content] of contentsMatching(view, CRONTAB_FILE)) {
    for (const line of cronLines(content.toString('utf8'))) entries.push(`${path}: ${line}`);
  }
  for (const [path, file] of view.files) {
    const match = PERIODIC_SCRIPT.exec(path);
    if (match && file.type !== 'dir') entries.push(`${path}: run-parts ${match[1]}`);
  }
  return entries.sort();
}
