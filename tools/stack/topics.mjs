// Creates the platform's topics through the compiled messaging library (auto-create is off on every broker).
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './paths.mjs';
import { defaultLog } from './proc.mjs';

function loadCompiled(root, lib) {
  const file = path.join(root, 'dist/libs', lib, 'src/index.js');
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`node tools/build.mjs\` first`);
  // dist/ is CommonJS (swc); require keeps every named export, which ESM import of CJS may not detect.
  return createRequire(import.meta.url)(file);
}

/** Ensures every topic of the contracts (6 partitions each) exists on `brokers` ("host:port,host:port"). */
export async function createTopics(brokers, { root = repoRoot, log = defaultLog } = {}) {
  const { ensureTopics } = loadCompiled(root, 'messaging');
  const { ALL_TOPICS } = loadCompiled(root, 'contracts');
  if (typeof ensureTopics !== 'function') {
    throw new Error('dist/libs/messaging does not export ensureTopics(config, topics, options)');
  }
  const list = brokers.split(',').map((broker) => broker.trim()).filter(Boolean);
  const logger = {
    info: (fields, message) => log(fields.topics ? `${message}: ${fields.topics.length}` : message),
    warn: (_fields, message) => log(`warning: ${message}`),
    error: (_fields, message) => log(`error: ${message}`),
  };
  return ensureTopics({ brokers: list, clientId: 'dhi-launcher' }, ALL_TOPICS, { partitions: 6, logger });
}
