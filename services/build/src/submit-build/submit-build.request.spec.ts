import { checkEarlyFields, parseIdempotencyKey, parseSubmitFields, submissionKind } from './submit-build.request.js';

describe('submit-build request', () => {
  it('defaults lineage to the name and the submitter to the header, then to anonymous', () => {
    expect(parseSubmitFields({ name: 'dhi/node', tag: '20' }, undefined)).toEqual({ name: 'dhi/node', tag: '20', lineage: 'dhi/node', submitter: 'anonymous' });
    expect(parseSubmitFields({ name: 'dhi/node', tag: '20' }, 'alice')).toMatchObject({ submitter: 'alice' });
    expect(parseSubmitFields({ name: 'dhi/node', tag: '20', submitter: 'bob', lineage: 'dhi/base' }, 'alice')).toMatchObject({ submitter: 'bob', lineage: 'dhi/base' });
  });

  it('refuses missing, invalid and unknown fields with field errors', () => {
    expect(() => parseSubmitFields({ tag: '20' }, undefined)).toThrow(expect.objectContaining({ status: 400, code: 'validation_failed' }));
    expect(() => parseSubmitFields({ name: 'Node', tag: '20' }, undefined)).toThrow(expect.objectContaining({ extra: { errors: [{ path: 'name', message: 'lowercase image name' }] } }));
    expect(() => parseSubmitFields({ name: 'node', tag: '20', buildArgs: '{}' }, undefined)).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => parseSubmitFields({ name: 'node', tag: '20' }, 'has space')).toThrow(expect.objectContaining({ extra: { errors: [expect.objectContaining({ path: 'x-submitter' })] } }));
  });

  it('checks early fields without requiring the ones that may still come', () => {
    expect(() => checkEarlyFields({})).not.toThrow();
    expect(() => checkEarlyFields({ tag: '1' })).not.toThrow();
    expect(() => checkEarlyFields({ name: 'UPPER' })).toThrow(expect.objectContaining({ status: 400 }));
  });

  it('classifies the content type', () => {
    expect(submissionKind('multipart/form-data; boundary=x')).toBe('multipart');
    expect(submissionKind('Application/JSON; charset=utf-8')).toBe('json');
    expect(() => submissionKind('application/x-tar')).toThrow(expect.objectContaining({ status: 415, code: 'unsupported_media_type' }));
    expect(() => submissionKind(undefined)).toThrow(expect.objectContaining({ status: 415 }));
  });

  it('accepts printable idempotency keys only', () => {
    expect(parseIdempotencyKey(undefined)).toBeUndefined();
    expect(parseIdempotencyKey('2f1c7e1a-upload-1')).toBe('2f1c7e1a-upload-1');
    expect(() => parseIdempotencyKey('')).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => parseIdempotencyKey('a b')).toThrow(expect.objectContaining({ status: 400 }));
  });
});
