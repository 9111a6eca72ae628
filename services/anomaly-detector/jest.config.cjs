module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'anomaly-detector',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
};
