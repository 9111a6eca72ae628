module.exports = {
  ...require('../jest.preset.cjs'),
  displayName: 'platform',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.e2e-spec.ts', '<rootDir>/**/*.spec.ts'],
};
