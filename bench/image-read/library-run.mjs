// Child process of run.mjs: imports the bench image with the compiled @dhi/image and walks every layer, then prints
// timings and its own peak RSS as JSON, so the figure is the library's alone.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const [layout, libPath] = process.argv.slice(2);
const { FileBlobStore, importImageLayout, readImageFilesystem } = createRequire(import.meta.url)(libPath);

const storeDir = mkdtempSync(path.join(os.tmpdir(), 'dhi-bench-store-'));
try {
  const store = new FileBlobStore(storeDir);
  const importStart = performance.now();
  const image = await importImageLayout(layout, store);
  const importSeconds = (performance.now() - importStart) / 1000;
  const walkStart = performance.now();
  const fs = await readImageFilesystem(image.layers, store);
  const walkSeconds = (performance.now() - walkStart) / 1000;
  process.stdout.write(
    `${JSON.stringify({
      importSeconds,
      walkSeconds,
      entries: fs.entryCount,
      finalPaths: fs.files.size,
      historyPaths: fs.history.size,
      maxRssBytes: process.resourceUsage().maxRSS * 1024,
    })}\n`,
  );
} finally {
  rmSync(storeDir, { recursive: true, force: true });
}
