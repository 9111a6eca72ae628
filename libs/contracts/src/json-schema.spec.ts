import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { exportJsonSchemas } from './json-schema.js';

// The published schema files are what outside subscribers read; they must never drift from the validators.
describe('published JSON Schemas', () => {
  const dir = path.join(__dirname, '..', 'schemas');

  it('match the runtime validators (run `npm run contracts:schemas` after changing a contract)', () => {
    const exported = exportJsonSchemas();
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files.sort()).toEqual(Object.keys(exported).map((t) => `${t}.json`).sort());
    for (const [topic, schema] of Object.entries(exported)) {
      expect(JSON.parse(readFileSync(path.join(dir, `${topic}.json`), 'utf8'))).toEqual(schema);
    }
  });
});
