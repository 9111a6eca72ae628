import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { type CheckHit } from '@dhi/checks';
import { applyUnifiedDiff, checkDockerfile, type CheckDockerfileOptions } from '../../src/index.js';

/** The hits of one rule. */
export function hitsOf(text: string, ruleId: string, options: CheckDockerfileOptions = {}): CheckHit[] {
  const result = checkDockerfile(text, options);
  expect(result.errors).toEqual([]);
  return result.hits.filter((h) => h.ruleId === ruleId);
}

/** Applies a patch with GNU patch (no fuzz) to a copy of the Dockerfile in a temporary context and returns the result. */
export function applyWithGnuPatch(text: string, patch: string, path = 'Dockerfile'): string {
  const dir = mkdtempSync(join(tmpdir(), 'dhi-dockerfile-patch-'));
  try {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
    writeFileSync(join(dir, 'fix.patch'), patch);
    const args = ['-p1', '--batch', '--fuzz=0', '--no-backup-if-mismatch', '-i', 'fix.patch'];
    const dry = execFileSync('patch', ['--dry-run', ...args], { cwd: dir, encoding: 'utf8' });
    expect(dry).not.toMatch(/offset|fuzz|FAILED|malformed/i);
    execFileSync('patch', args, { cwd: dir, encoding: 'utf8' });
    return readFileSync(join(dir, path), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Checks the patch of a rule's hit: GNU patch and `applyUnifiedDiff` both apply it cleanly with the same result, the
 * result is a Dockerfile that parses, and re-checking it finds one hit of the rule fewer. Returns the patched text.
 */
export function expectPatchFixes(text: string, ruleId: string, options: CheckDockerfileOptions = {}, index = 0): string {
  const before = hitsOf(text, ruleId, options);
  const hit = before[index];
  expect(hit).toBeDefined();
  expect(typeof hit.patch).toBe('string');
  const patch = hit.patch as string;
  const gnu = applyWithGnuPatch(text, patch, options.path);
  const ours = applyUnifiedDiff(text, patch);
  expect(ours).toEqual({ ok: true, text: gnu });
  const after = checkDockerfile(gnu, options);
  expect(after.errors).toEqual([]);
  expect(after.hits.filter((h) => h.ruleId === ruleId)).toHaveLength(before.length - 1);
  return gnu;
}

/** A Dockerfile from lines, with a final newline. */
export function dockerfile(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}
