import { randomBytes } from 'node:crypto';

/** A unique image name for one test upload, so its events and rows can be told apart. */
export function uniqueName(label: string): string {
  return `test-${randomBytes(4).toString('hex')}/${label}`;
}
