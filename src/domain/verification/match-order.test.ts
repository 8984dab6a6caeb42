import { describe, expect, it } from 'vitest';
import { sourceOrder } from '../../../test/support/source-order-fixture';
import type { OrderRecord } from '../orders/order-record';
import { matchOrder, matchOrderRecord } from './match-order';

const NT = { prefix: 'NT-', suffix: '' };

describe('matchOrder', () => {
  const jane = sourceOrder({ name: '#1001', email: 'Jane.Doe@Example.com' });
  const near = sourceOrder({ legacyResourceId: '2', name: '#10010', email: 'jane.doe@example.com' });
  const eu = sourceOrder({ legacyResourceId: '3', name: '#1001-EU', email: 'jane.doe@example.com' });

  it('verifies the exact name with the exact email (after normalisation)', () => {
    expect(matchOrder([near, eu, jane], '1001', ' JANE.DOE@example.com ')).toEqual({ ok: true, order: jane });
  });

  it('never decides on a loose search hit', () => {
    expect(matchOrder([near, eu], '#1001', 'jane.doe@example.com')).toEqual({ ok: false, reason: 'no_order' });
    expect(matchOrder([jane], '#10010', 'jane.doe@example.com')).toEqual({ ok: false, reason: 'no_order' });
    expect(matchOrder([], '#1001', 'jane.doe@example.com')).toEqual({ ok: false, reason: 'no_order' });
    expect(matchOrder([jane], 'not a number', 'jane.doe@example.com')).toEqual({ ok: false, reason: 'no_order' });
  });

  it('reports a wrong email, a +tag twin and a typo as email_mismatch', () => {
    expect(matchOrder([jane], '#1001', 'john@example.com')).toEqual({ ok: false, reason: 'email_mismatch' });
    expect(matchOrder([jane], '#1001', 'jane.doe+shop@example.com')).toEqual({ ok: false, reason: 'email_mismatch' });
    expect(matchOrder([jane], '#1001', 'jane.deo@example.com')).toEqual({ ok: false, reason: 'email_mismatch' });
    expect(matchOrder([jane], '#1001', '')).toEqual({ ok: false, reason: 'email_mismatch' });
  });

  it('never verifies an order without email', () => {
    const pos = sourceOrder({ email: null });
    expect(matchOrder([pos], '#1001', 'jane.doe@example.com')).toEqual({ ok: false, reason: 'no_email_on_order' });
    expect(matchOrder([pos], '#1001', '')).toEqual({ ok: false, reason: 'no_email_on_order' });
  });

  it('never matches a test order, even with the right email', () => {
    const test = sourceOrder({ test: true });
    expect(matchOrder([test], '#1001', 'jane.doe@example.com')).toEqual({ ok: false, reason: 'test_order' });
  });

  it('picks the real order when a test order shares its name', () => {
    const test = sourceOrder({ legacyResourceId: '9', test: true });
    expect(matchOrder([test, jane], '#1001', 'jane.doe@example.com')).toEqual({ ok: true, order: jane });
  });

  it('uses the shop name format', () => {
    const nordic = sourceOrder({ name: 'NT-1001' });
    expect(matchOrder([nordic], '1001', 'jane.doe@example.com', NT)).toMatchObject({ ok: true });
    expect(matchOrder([nordic], '1001', 'jane.doe@example.com')).toEqual({ ok: false, reason: 'no_order' });
  });
});

describe('matchOrderRecord', () => {
  const record = (over: Partial<OrderRecord>): OrderRecord => ({
    orderId: '1',
    orderName: '#1001',
    emailHash: 'h-jane',
    customerId: null,
    test: false,
    view: {} as OrderRecord['view'],
    fetchedAt: '',
    ...over,
  });

  it('applies the same rule to hashed records', () => {
    expect(matchOrderRecord([record({})], '1001', 'h-jane')).toMatchObject({ ok: true, record: { orderId: '1' } });
    expect(matchOrderRecord([record({})], '1001', 'h-john')).toEqual({ ok: false, reason: 'email_mismatch' });
    expect(matchOrderRecord([record({ emailHash: null })], '1001', 'h-jane')).toEqual({ ok: false, reason: 'no_email_on_order' });
    expect(matchOrderRecord([record({ test: true })], '1001', 'h-jane')).toEqual({ ok: false, reason: 'test_order' });
    expect(matchOrderRecord([record({ orderName: '#10010' })], '1001', 'h-jane')).toEqual({ ok: false, reason: 'no_order' });
    expect(matchOrderRecord([record({ emailHash: null })], '1001', '')).toEqual({ ok: false, reason: 'no_email_on_order' });
  });
});
