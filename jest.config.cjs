// Every project's tests in one run; tools/test.mjs brings up Kafka and PostgreSQL around it.
const { readdirSync, existsSync } = require('node:fs');
const path = require('node:path');

const projects = ['libs', 'services'].flatMap((dir) =>
  readdirSync(path.join(__dirname, dir))
    .map((name) => path.join(__dirname, dir, name, 'jest.config.cjs'))
    .filter((file) => existsSync(file)),
).concat(existsSync(path.join(__dirname, 'test/jest.config.cjs')) ? [path.join(__dirname, 'test/jest.config.cjs')] : []);

module.exports = { projects };
