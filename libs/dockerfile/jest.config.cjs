module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'dockerfile',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
};
