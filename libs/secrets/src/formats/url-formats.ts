import { type Severity } from '@dhi/contracts';
import { isDummyPassword } from '../dummy-values.js';
import { pattern, PRIORITY, type SecretFormat } from '../secret-format.js';

// `user:password@host`; a password may hold `@` (the last `@` before a host name ends it), the user may be empty (`redis://:pw@`)
const USERINFO = String.raw`(?<user>[^\s:@/"'<>\\]{0,100}):(?<secret>[^\s@/"'<>\\]{1,200}(?:@[^\s@/"'<>\\]{1,100}){0,3})@(?<host>[A-Za-z0-9][A-Za-z0-9.-]{0,253}|\[[0-9A-Fa-f:.]{2,45}\])`;
// a scheme glued to a word is part of something else (`xhttps://`); `git+https://` and `jdbc:mysql://` are fine
const SCHEME_START = '(?<![A-Za-z0-9.-])';

function isCredential(secret: string, match: RegExpExecArray): boolean {
  const host = match.groups?.host ?? '';
  const hostLike = host.includes('.') || host.startsWith('[') || host.toLowerCase() === 'localhost';
  // `TOKEN:x-oauth-basic@` carries the token in the user part (secret.git-url-oauth-token)
  return hostLike && !/^x-oauth-/i.test(secret) && !isDummyPassword(secret, match.groups?.user ?? '');
}

function credentialUrl(id: string, title: string, schemes: string, grants: string, severity: Severity = 'high'): SecretFormat {
  return {
    id,
    title,
    severity,
    grants,
    keywords: ['://'],
    pattern: pattern(`${SCHEME_START}(?:${schemes})://${USERINFO}`, true),
    priority: PRIORITY.context,
    accept: isCredential,
  };
}

/** Passwords in URLs: HTTP/FTP basic auth and database connection URLs. */
export const URL_FORMATS: readonly SecretFormat[] = [
  credentialUrl(
    'secret.url-basic-auth',
    'password in a URL (basic auth)',
    'https?|s?ftps?|git|ssh|ldaps?|smb|svn|wss?|rsync',
    'the web service, file server or repository as the URL’s user',
  ),
  credentialUrl('secret.postgres-url', 'PostgreSQL connection URL with password', 'postgres(?:ql)?', 'the PostgreSQL database as the URL’s role'),
  credentialUrl('secret.mysql-url', 'MySQL connection URL with password', 'mysqlx?|mariadb', 'the MySQL or MariaDB database as the URL’s user'),
  credentialUrl('secret.mongodb-url', 'MongoDB connection URL with password', 'mongodb(?:\\+srv)?', 'the MongoDB deployment as the URL’s user'),
  credentialUrl('secret.redis-url', 'Redis connection URL with password', 'rediss?', 'the Redis server: every key, and often commands that run code'),
  credentialUrl('secret.amqp-url', 'AMQP (RabbitMQ) connection URL with password', 'amqps?', 'the message broker’s virtual host: reading and publishing messages'),
  {
    id: 'secret.git-url-oauth-token',
    title: 'OAuth token in a git URL',
    severity: 'high',
    grants: 'git and the API of the hosting service as the token’s user',
    keywords: ['x-oauth-basic'],
    pattern: pattern(`${SCHEME_START}https?://(?<secret>[A-Za-z0-9_]{20,255}):x-oauth-basic@`, true),
    priority: PRIORITY.context,
  },
];
