module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'anomalies',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
};
