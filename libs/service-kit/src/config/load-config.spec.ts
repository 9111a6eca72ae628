import { Writable } from 'node:stream';
import { z } from 'zod';
import { createLogger } from '../logging/create-logger.js';
import { enumVar } from './env-var.js';
import { baseConfigShape, ConfigError, kafkaSettingsOf, loadConfig, loadConfigOrExit, serviceConfigShape } from './load-config.js';

function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('parses good values into typed config', () => {
    const config = loadConfig(baseConfigShape, {
      PORT: '8082',
      DATABASE_URL: 'postgresql://u:p@db.internal:5432/dhi',
      KAFKA_BROKERS: ' k1:9092, k2:9093 ',
      LOG_LEVEL: 'debug',
    });
    expect(config).toEqual({
      PORT: 8082,
      DATABASE_URL: 'postgresql://u:p@db.internal:5432/dhi',
      KAFKA_BROKERS: ['k1:9092', 'k2:9093'],
      LOG_LEVEL: 'debug',
      KAFKA_TOPIC_PREFIX: '',
    });
  });

  it('applies the launcher defaults and the service port when variables are unset or empty', () => {
    const config = loadConfig(serviceConfigShape(8083), { LOG_LEVEL: '' });
    expect(config).toEqual({
      PORT: 8083,
      DATABASE_URL: 'postgres://postgres@127.0.0.1:25432/dhi',
      KAFKA_BROKERS: ['127.0.0.1:29092'],
      LOG_LEVEL: 'info',
      KAFKA_TOPIC_PREFIX: '',
    });
  });

  it('names the bad variable, what was expected and what it got', () => {
    const error = configError(() => loadConfig(serviceConfigShape(8081), { PORT: 'abc' }));
    expect(error.message).toBe('PORT: expected an integer 1-65535, got "abc"');
    expect(error.issues).toEqual([{ variable: 'PORT', message: 'expected an integer 1-65535, got "abc"' }]);
  });

  it('reports every bad variable at once', () => {
    const error = configError(() =>
      loadConfig(baseConfigShape, {
        PORT: '70000',
        DATABASE_URL: 'mysql://x/y',
        KAFKA_BROKERS: 'nohostport',
        LOG_LEVEL: 'loud',
      }),
    );
    expect(error.issues.map((i) => i.variable)).toEqual(['PORT', 'DATABASE_URL', 'KAFKA_BROKERS', 'LOG_LEVEL']);
    expect(error.message).toContain('DATABASE_URL: expected a postgres:// URL, got "mysql://x/y"');
    expect(error.message).toContain('KAFKA_BROKERS: expected a comma-separated list of host:port, got "nohostport"');
    expect(error.message).toContain('LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent, got "loud"');
  });

  it('says a variable without default is required', () => {
    const error = configError(() => loadConfig(baseConfigShape, {}));
    expect(error.message).toBe('PORT: required, expected an integer 1-65535');
  });

  it('validates service-specific variables alongside the base ones', () => {
    const shape = { ...serviceConfigShape(8084), REVIEW_MODE: enumVar(['strict', 'lenient'] as const), EXTRA: z.string().min(3) };
    expect(loadConfig(shape, { REVIEW_MODE: 'strict', EXTRA: 'abcd' })).toMatchObject({ REVIEW_MODE: 'strict', EXTRA: 'abcd' });
    expect(configError(() => loadConfig(shape, { REVIEW_MODE: 'x', EXTRA: 'abcd' })).message).toBe(
      'REVIEW_MODE: expected one of strict, lenient, got "x"',
    );
  });

  it('reads process.env by default', () => {
    const saved = process.env['PORT'];
    process.env['PORT'] = '9999';
    try {
      expect(loadConfig(serviceConfigShape(1)).PORT).toBe(9999);
    } finally {
      if (saved === undefined) delete process.env['PORT'];
      else process.env['PORT'] = saved;
    }
  });
});

describe('loadConfigOrExit', () => {
  function capture() {
    const lines: Record<string, unknown>[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _e, done) {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    });
    return { logger: createLogger('build', 'info', stream), lines };
  }

  afterEach(() => jest.restoreAllMocks());

  it('returns the config when it is valid', () => {
    const { logger, lines } = capture();
    expect(loadConfigOrExit('build', serviceConfigShape(8081), {}, logger).PORT).toBe(8081);
    expect(lines).toHaveLength(0);
  });

  it('writes one fatal JSON line naming the variable and exits with 1', () => {
    const exit = jest.spyOn(process, 'exit').mockImplementation((code) => {
      throw new Error(`exit ${String(code)}`);
    });
    const { logger, lines } = capture();
    expect(() => loadConfigOrExit('build', serviceConfigShape(8081), { PORT: 'abc' }, logger)).toThrow('exit 1');
    expect(exit).toHaveBeenCalledWith(1);
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'fatal',
        service: 'build',
        code: 'invalid_config',
        msg: 'PORT: expected an integer 1-65535, got "abc"',
        issues: [{ variable: 'PORT', message: 'expected an integer 1-65535, got "abc"' }],
      }),
    ]);
  });
});

describe('KAFKA_TOPIC_PREFIX', () => {
  it('defaults to no namespace, accepts a valid prefix, rejects one Kafka cannot use, and feeds the Kafka settings', () => {
    const shape = serviceConfigShape(8081);
    expect(loadConfig(shape, {}).KAFKA_TOPIC_PREFIX).toBe('');
    const config = loadConfig(shape, { KAFKA_TOPIC_PREFIX: 'run-7.' });
    expect(kafkaSettingsOf(config, 'build')).toEqual({ brokers: ['127.0.0.1:29092'], clientId: 'build', topicPrefix: 'run-7.' });
    expect(() => loadConfig(shape, { KAFKA_TOPIC_PREFIX: 'no spaces' })).toThrow(/KAFKA_TOPIC_PREFIX/);
  });
});
