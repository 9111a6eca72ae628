module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'model-registry',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts', '<rootDir>/test/**/*.int-spec.ts'],
  // integration tests run against the real PostgreSQL
};
