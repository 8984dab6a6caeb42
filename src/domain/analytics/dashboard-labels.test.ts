import { describe, expect, it } from 'vitest';
import { HEADLINES } from '../tracking/compose-status-message';
import { ORDER_STATUS_CATEGORIES } from '../tracking/status-categories';
import { auditActionLabel, conversationStatusLabel, doorLabel, failureReasonLabel, orderStatusLabel } from './dashboard-labels';

const RAW_CODE = /^[a-z]+(_[a-z]+)+$/;

describe('dashboard labels', () => {
  it('names every order status with the words the shopper sees on the order card', () => {
    for (const category of ORDER_STATUS_CATEGORIES) expect(orderStatusLabel(category)).toBe(HEADLINES[category]);
    expect(orderStatusLabel('in_transit')).toBe('On its way');
    expect(orderStatusLabel('ready_for_pickup')).toBe('Ready for pickup');
  });

  it('never shows a raw code, even for a code it does not know yet', () => {
    const codes = ['email_mismatch', 'no_email_on_order', 'reference_empty', 'email_too_long', 'unavailable:timeout', 'brand_new_reason', 'locked'];
    for (const code of codes) expect(failureReasonLabel(code)).not.toMatch(RAW_CODE);
    expect(failureReasonLabel('email_mismatch')).toBe('Email did not match the order');
    expect(orderStatusLabel('some_future_status')).toBe('Some future status');
    expect(doorLabel('email_link')).toBe('Email link');
    expect(conversationStatusLabel('handed_off')).toBe('Handed to a person');
    expect(auditActionLabel('deep_link')).toBe('Email link opened');
  });
});
