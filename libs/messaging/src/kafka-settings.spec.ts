import { parseBrokers } from './kafka-settings.js';
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
