// Shared Jest settings: swc compiles TypeScript and the ESM-only @nestjs/* packages to CommonJS.
const path = require('node:path');

const libs = ['contracts', 'messaging', 'persistence', 'image', 'sbom', 'advisories', 'versions', 'vulnerabilities', 'checks', 'profile', 'anomalies', 'dockerfile', 'secrets', 'service-kit', 'model-registry', 'testing'];

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', {
      jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, target: 'es2022', keepClassNames: true },
      module: { type: 'commonjs' },
    }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs)/)'],
  setupFilesAfterEnv: [path.join(__dirname, 'tools/jest-timeout.cjs')],
  moduleNameMapper: {
    ...Object.fromEntries(libs.map((l) => [`^@dhi/${l}$`, path.join(__dirname, `libs/${l}/src/index.ts`)])),
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
};
