/** The admin DATABASE_URL of the test server; integration tests fail loudly without it. */
export function adminDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      'DATABASE_URL is not set: integration tests need a PostgreSQL admin URL where they may CREATE DATABASE ' +
        '(e.g. postgres://postgres@127.0.0.1:15432/postgres)',
    );
  }
  return url;
}
