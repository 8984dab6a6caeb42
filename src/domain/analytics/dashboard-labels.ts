import { HEADLINES } from '../tracking/compose-status-message';
import type { OrderStatusCategory } from '../tracking/status-categories';

/**
 * Human names for the codes the dashboard's tables and charts show. Order statuses use the shopper's own words
 * (the order card's headline), so a merchant and a shopper name a status alike. CSV exports keep the codes.
 */

const sentence = (code: string) => {
  const text = code.replace(/[_:]+/g, ' ').trim();
  return text ? text[0]!.toUpperCase() + text.slice(1) : '–';
};

export function orderStatusLabel(code: string): string {
  return Object.hasOwn(HEADLINES, code) ? HEADLINES[code as OrderStatusCategory] : sentence(code);
}

/** Why a verification failed (the audit's and the failure chart's reasons; shoppers never see these). */
const FAILURE_REASONS: Record<string, string> = {
  no_order: 'No order with that number',
  email_mismatch: 'Email did not match the order',
  no_email_on_order: 'Order has no email',
  test_order: 'Test order',
  locked: 'Too many attempts (locked)',
  limits_unavailable: 'Attempt counter unavailable',
  shopify_unavailable: 'Shopify unavailable',
  unknown: 'Unknown',
};

export function failureReasonLabel(code: string | null): string {
  if (!code) return '–';
  if (code.startsWith('unavailable')) return 'Shopify unavailable';
  if (code.startsWith('reference_')) return 'Not a valid order number';
  if (code.startsWith('email_') && code !== 'email_mismatch') return 'Not a valid email';
  return FAILURE_REASONS[code] ?? sentence(code);
}

export const DOOR_LABELS: Record<string, string> = {
  widget: 'Chat widget',
  page: 'Tracking page',
  email_link: 'Email link',
  app_proxy: 'Storefront (logged in)',
  api: 'API',
};

export const doorLabel = (code: string): string => DOOR_LABELS[code] ?? sentence(code);

const CONVERSATION_STATUSES: Record<string, string> = { open: 'Open', handed_off: 'Handed to a person', closed: 'Closed' };
export const conversationStatusLabel = (code: string): string => CONVERSATION_STATUSES[code] ?? sentence(code);

const AUDIT_ACTIONS: Record<string, string> = { verify: 'Verification', view: 'Order viewed', deep_link: 'Email link opened', magic_link: 'Magic link used' };
export const auditActionLabel = (code: string): string => AUDIT_ACTIONS[code] ?? sentence(code);

const AUDIT_RESULTS: Record<string, string> = { success: 'Success', failure: 'Failed', locked: 'Locked out', unavailable: 'Shopify unavailable' };
export const auditResultLabel = (code: string): string => AUDIT_RESULTS[code] ?? sentence(code);
