import { isValidTopicPrefix, logicalTopic, parseBrokers, physicalTopic } from './kafka-settings.js';
import { MessagingError } from './messaging-error.js';

describe('parseBrokers', () => {
  it('splits, trims and drops empty entries', () => {
    expect(parseBrokers(' kafka-1:9092, 127.0.0.1:19092 ,')).toEqual(['kafka-1:9092', '127.0.0.1:19092']);
  });

  it('accepts bracketed IPv6 hosts', () => {
    expect(parseBrokers('[::1]:9092')).toEqual(['[::1]:9092']);
  });

  it.each(['', ' , ', 'kafka', 'kafka:port', 'http://kafka:9092'])('rejects %p with INVALID_BROKERS', (value) => {
    expect(() => parseBrokers(value)).toThrow(MessagingError);
    try {
      parseBrokers(value);
    } catch (error) {
      expect((error as MessagingError).code).toBe('INVALID_BROKERS');
    }
  });
});

describe('topic namespaces', () => {
  it('prefixes and strips names, and leaves them alone without a prefix', () => {
    expect(physicalTopic({ topicPrefix: 'staging.' }, 'dhi.scan.completed.v1')).toBe('staging.dhi.scan.completed.v1');
    expect(logicalTopic({ topicPrefix: 'staging.' }, 'staging.dhi.scan.completed.v1')).toBe('dhi.scan.completed.v1');
    expect(physicalTopic({}, 'dhi.scan.completed.v1')).toBe('dhi.scan.completed.v1');
    expect(logicalTopic({}, 'dhi.scan.completed.v1')).toBe('dhi.scan.completed.v1');
    expect(isValidTopicPrefix('run-1.')).toBe(true);
    expect(isValidTopicPrefix('bad prefix')).toBe(false);
  });
});
