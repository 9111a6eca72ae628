// Writes the npm image's single layer: /app with a package.json and, under node_modules, each planned package with its
// package.json, an index.js of a few KB, a README and a LICENSE (tens of MB in all, like a real dependency tree).
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import tar from 'tar-stream';

const EPOCH = new Date(0);

// small seeded generator: the same plan always gives the same layer bytes
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Module code of 4 to 16 KB that varies from package to package, so nothing in the layer is trivially repetitive. */
function moduleCode(name, next) {
  const target = 4096 + Math.floor(next() * 12288);
  const parts = [`'use strict';\n// ${name}\n`];
  let size = parts[0].length;
  while (size < target) {
    const id = Math.floor(next() * 0xffffffff).toString(16);
    const part = `function f${id}(a, b) {\n  const k = 0x${Math.floor(next() * 0xffffff).toString(16)};\n`
      + `  return typeof a === 'number' ? (a ^ k) + b * ${Math.floor(next() * 1000)} : String(a) + b;\n}\nexports.f${id} = f${id};\n`;
    parts.push(part);
    size += part.length;
  }
  return Buffer.from(parts.join(''));
}

const readme = (pkg) => Buffer.from(`# ${pkg.name}\n\n${'A dependency of the bench application. '.repeat(30)}\n\n## Usage\n\n\`\`\`js\nconst m = require('${pkg.name}');\n\`\`\`\n`);
const LICENSE = Buffer.from(`MIT License\n\nCopyright (c) bench\n\n${'Permission is hereby granted, free of charge, to any person obtaining a copy of this software. '.repeat(10)}\n`);

function add(pack, header, data) {
  return new Promise((resolve, reject) => pack.entry({ mode: 0o644, mtime: EPOCH, ...header }, data, (error) => (error ? reject(error) : resolve())));
}

async function fileSha256(file) {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return `sha256:${hash.digest('hex')}`;
}

/** Writes the layer tar for the planned packages to `file`; resolves the FileLayer {path, digest, size}. */
export async function writeNpmLayer(file, packages) {
  const pack = tar.pack();
  // tar-stream's pack is a streamx stream: wrapped, it pipes like a node Readable and ends in the pack's error if it fails
  const written = pipeline(Readable.from(pack), createWriteStream(file));
  const dirs = new Set();
  const ensureDir = async (dir) => {
    if (dirs.has(dir)) return;
    const slash = dir.lastIndexOf('/');
    if (slash > 0) await ensureDir(dir.slice(0, slash));
    dirs.add(dir);
    await add(pack, { name: `${dir}/`, type: 'directory', mode: 0o755 });
  };
  await ensureDir('app/node_modules');
  await add(pack, { name: 'app/package.json' }, Buffer.from(JSON.stringify({ name: 'bench-app', version: '1.0.0', private: true }, null, 2)));
  for (const [index, pkg] of packages.entries()) {
    const dir = `app/node_modules/${pkg.dir}`;
    await ensureDir(dir);
    const manifest = { name: pkg.name, version: pkg.version, description: `${pkg.name} for the bench`, main: 'index.js', license: 'MIT' };
    await add(pack, { name: `${dir}/package.json` }, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
    await add(pack, { name: `${dir}/index.js` }, moduleCode(pkg.name, random(index + 1)));
    await add(pack, { name: `${dir}/README.md` }, readme(pkg));
    await add(pack, { name: `${dir}/LICENSE` }, LICENSE);
  }
  pack.finalize();
  await written;
  return { path: file, digest: await fileSha256(file), size: statSync(file).size };
}
