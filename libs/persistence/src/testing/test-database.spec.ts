import { assertTestDatabaseUrl, databaseNameOf } from './test-database.js';

describe('assertTestDatabaseUrl', () => {
  it('accepts dhi_test_ databases', () => {
    expect(() => assertTestDatabaseUrl('postgres://postgres@127.0.0.1:15432/dhi_test_scanner_ab12')).not.toThrow();
  });

  it.each([
    'postgres://postgres@127.0.0.1:15432/postgres',
    'postgres://postgres@127.0.0.1:15432/dhi',
    'postgres://postgres@127.0.0.1:15432/prod_dhi_test_x',
    'postgres://postgres@127.0.0.1:15432/',
    'not a url',
  ])('refuses %s', (url) => {
    expect(() => assertTestDatabaseUrl(url)).toThrow(expect.objectContaining({ code: 'NOT_A_TEST_DATABASE' }));
  });

  it('reads the database name from a URL', () => {
    expect(databaseNameOf('postgres://u:p@h:5432/dhi_test_x?sslmode=disable')).toBe('dhi_test_x');
  });
});
