import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { applyUnifiedDiff } from '@dhi/dockerfile';
import { corporaDir, layerTar, pollUntil, startTestPlatform, type TestPlatform } from '@dhi/testing';
import { getJson, submitArchive } from '../support/http.js';

interface Finding {
  id: string;
  ruleId: string;
  category: string;
  evidence: { path: string | null; line: number | null };
  patch: string | null;
}

// The promise about fixes: a mechanical finding's patch applies to the submitted Dockerfile, and the image
// rebuilt from the patched Dockerfile no longer has that finding.
describe('Dockerfile findings carry patches that remove them when the image is rebuilt (buildah, five services)', () => {
  let platform: TestPlatform;
  let base: string;

  beforeAll(async () => {
    platform = await startTestPlatform({ logLevel: 'warn' });
    base = `dhi/e2e-base-${randomBytes(3).toString('hex')}`;
    const archive = await readFile(path.join(corporaDir(), 'images/alpine-310.tar.gz'));
    const uploaded = await submitArchive(platform.url('build'), archive, { name: base, tag: '3.10' });
    expect(uploaded.status).toBe(202);
    await untilAnalysed(String(uploaded.body['id']));
  }, 300_000);

  afterAll(async () => {
    await platform?.stop();
  });

  async function untilAnalysed(id: string): Promise<void> {
    await pollUntil(
      async () => {
        const build = await getJson<{ status: string }>(`${platform.url('build')}/v1/builds/${id}`);
        if (build.status === 'failed') throw new Error(`build ${id} failed: ${JSON.stringify(build)}`);
        return ['in_review', 'approved', 'rejected'].includes(build.status) || undefined;
      },
      { timeoutMs: 180_000, intervalMs: 500, description: `build ${id} analysed` },
    );
  }

  async function buildAndScan(dockerfile: string): Promise<Finding[]> {
    const context = await layerTar([{ path: 'Dockerfile', content: dockerfile }, { path: 'app.txt', content: 'hello\n' }]);
    const form = new FormData();
    form.set('name', `dhi/e2e-fix-${randomBytes(3).toString('hex')}`);
    form.set('tag', '1');
    form.set('context', new Blob([new Uint8Array(context)]), 'context.tar');
    const response = await fetch(`${platform.url('build')}/v1/builds`, { method: 'POST', body: form });
    const body = (await response.json()) as { id: string };
    expect(response.status).toBe(202);
    await untilAnalysed(body.id);
    return (await getJson<{ findings: Finding[] }>(`${platform.url('scanner')}/v1/builds/${body.id}/findings`)).findings;
  }

  it('fixes ADD, chmod 777, a setuid file and the missing USER, one patch at a time', async () => {
    const dockerfile = [`FROM ${base}:3.10`, 'ADD app.txt /app/app.txt', 'RUN chmod 777 /app/app.txt && chmod u+s /app/app.txt', ''].join('\n');
    const findings = await buildAndScan(dockerfile);
    const fixable = findings.filter((f) => f.patch?.startsWith('--- '));
    const rules = fixable.map((f) => f.ruleId);
    expect(rules).toEqual(expect.arrayContaining(['dockerfile.add-instead-of-copy', 'dockerfile.chmod-world-writable', 'dockerfile.chmod-setuid', 'dockerfile.user-missing']));
    expect(findings.some((f) => f.category === 'permission' && f.evidence.path === '/app/app.txt' && f.patch?.startsWith('--- '))).toBe(true);

    for (const finding of fixable) {
      const patched = applyUnifiedDiff(dockerfile, finding.patch!);
      if (!patched.ok) throw new Error(`the patch of ${finding.ruleId} does not apply: ${patched.message}`);
      const after = await buildAndScan(patched.text);
      expect({ rule: finding.ruleId, stillThere: after.some((f) => f.id === finding.id) }).toEqual({ rule: finding.ruleId, stillThere: false });
    }
  });
});
