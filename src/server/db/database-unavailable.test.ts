import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './database-unavailable';

const withCode = (code: string, cause?: unknown) => Object.assign(new Error(`failed (${code})`, cause === undefined ? {} : { cause }), { code });

describe('isDatabaseUnavailable', () => {
  it('recognises lost connections and a server that is stopping, starting or full, also inside Drizzle-style wrappers', () => {
    for (const code of ['ECONNREFUSED', 'CONNECTION_CLOSED', 'CONNECT_TIMEOUT', '57P01', '57P03', '53300', '08006']) {
      expect(isDatabaseUnavailable(withCode(code))).toBe(true);
      expect(isDatabaseUnavailable(new Error('Failed query: select 1', { cause: withCode(code) }))).toBe(true);
    }
  });

  it('leaves real query errors and non-errors alone: those stay a 500 to be fixed', () => {
    for (const code of ['42601', '23505', '22P02']) expect(isDatabaseUnavailable(new Error('Failed query', { cause: withCode(code) }))).toBe(false);
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
    expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
