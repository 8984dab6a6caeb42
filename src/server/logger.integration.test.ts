import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestServices } from '../../test/support/test-services';
import { describeError } from './logger';

describe('describeError', () => {
  it("keeps a failed query's statement and the driver's code but not the values it carried", async () => {
    const services = await createTestServices();
    try {
      const error = await services.db.execute(sql`select * from no_such_table where note = ${'jane.doe@example.com wrote this'}`).then(
        () => null,
        (caught: unknown) => caught,
      );
      const described = describeError(error);
      expect(described.error).toContain('no_such_table');
      expect(described.error).not.toContain('jane.doe');
      expect(described.code).toBe('42P01');
    } finally {
      await services.close();
    }
  });

  it('passes plain errors through', () => {
    expect(describeError(new Error('boom'))).toEqual({ error: 'boom' });
    expect(describeError('text')).toEqual({ error: 'text' });
  });
});
