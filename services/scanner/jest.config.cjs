module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'scanner',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
};
