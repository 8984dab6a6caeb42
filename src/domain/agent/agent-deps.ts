import type { Locale } from '../i18n/locales';
import type { OrderRecord } from '../orders/order-record';

/** One order the conversation may see, with how fresh the data is. */
export type AccessibleOrder = { record: OrderRecord; stale: boolean };

/** A failure carries its reason (and the wait when locked); the agent words it in the conversation's language. */
export type VerifyOutcome =
  ({ ok: true } & AccessibleOrder) | { ok: false; reason: 'not_verified' | 'locked' | 'unavailable'; message: string; retryAfterMs?: number };

/** `locale`: the conversation's language, for the shopper's confirmation mail. */
export type HandoffRequest = { reason: string; contactEmail: string | null; orderId: string | null; locale: Locale };

export type OrderAccess = ({ ok: true } & AccessibleOrder) | { ok: false; reason: 'no_access' | 'unavailable' };

/**
 * The gateways the agent works through, built per conversation by the server. Every order read goes
 * through the conversation holder's grants in this shop; `verify` is verifyOrder with its limits.
 */
export type AgentDeps = {
  shop: {
    name: string;
    timeZone: string;
    returnPolicy: string | null;
    /** "within 1 business day" */
    handoffEta: string;
    /** False when the shop has no support address: a hand-off would reach nobody, so none is promised. */
    handoffAvailable: boolean;
    /** An order number in the shop's own format (`NT-1001`); `#1001` when unknown. */
    orderExample?: string;
    /** The languages the shop offers shoppers; a conversation only switches to one of these (all supported when absent). */
    locales?: readonly Locale[];
  };
  verify(reference: string, email: string): Promise<VerifyOutcome>;
  /** An order by id or by name, only when a grant of this conversation reaches it. */
  getOrder(orderIdOrName: string): Promise<OrderAccess>;
  /** Every order the grants reach (order grants; customer grants list the customer's orders), newest first. */
  listOrders(): Promise<AccessibleOrder[]>;
  /**
   * Passes the conversation to the shop's support address. `contactEmail`: where a shopper without a verified
   * order wants the reply; `orderId`: the verified order the mail carries (checked against the grants again).
   */
  requestHuman(request: HandoffRequest): Promise<{ reference: string; emailed: boolean }>;
  /** "Email me all my orders": the tracking page's magic link, with its limits and its uniform answer. */
  /** Mails the chat's magic link in the shopper's language. */
  requestMagicLink(email: string, locale?: Locale): Promise<{ status: 'accepted' | 'invalid_email' | 'limited'; message: string }>;
  now(): Date;
};
