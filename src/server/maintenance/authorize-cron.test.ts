import { describe, expect, it } from 'vitest';
import { authorizeCronRequest } from './authorize-cron';

const SECRET = 'cron-secret-0123456789abcdef';

describe('authorizeCronRequest', () => {
  it('is disabled without a configured secret, whatever the caller sends', () => {
    expect(authorizeCronRequest(null, undefined)).toBe('disabled');
    expect(authorizeCronRequest('Bearer ', undefined)).toBe('disabled');
    expect(authorizeCronRequest(`Bearer ${SECRET}`, '')).toBe('disabled');
  });

  it('allows only the exact bearer secret', () => {
    expect(authorizeCronRequest(`Bearer ${SECRET}`, SECRET)).toBe('allowed');
    expect(authorizeCronRequest(null, SECRET)).toBe('denied');
    expect(authorizeCronRequest(SECRET, SECRET)).toBe('denied');
    expect(authorizeCronRequest(`bearer ${SECRET}`, SECRET)).toBe('denied');
    expect(authorizeCronRequest(`Bearer ${SECRET}x`, SECRET)).toBe('denied');
    expect(authorizeCronRequest(`Bearer ${SECRET.slice(0, -1)}`, SECRET)).toBe('denied');
    expect(authorizeCronRequest(`Basic ${SECRET}`, SECRET)).toBe('denied');
  });
});
