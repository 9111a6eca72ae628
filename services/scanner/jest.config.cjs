module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'scanner',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts', '<rootDir>/test/**/*.int-spec.ts'],
  // integration tests boot the service against the real Kafka and PostgreSQL
};
