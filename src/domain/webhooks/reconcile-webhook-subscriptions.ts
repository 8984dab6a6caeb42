import { shopifyErrorKind } from '../shops/shop';
import { isPlanEmpty, planWebhookSubscriptions, type CurrentSubscription, type SubscriptionPlan } from './plan-webhook-subscriptions';
import { SUBSCRIBED_TOPICS, topicToGraphqlEnum, webhookCallbackUrl, type SubscribedTopic } from './webhook-topics';

export type UserError = { field: readonly string[] | null; message: string };
export type MutationOutcome = { ok: true } | { ok: false; userErrors: readonly UserError[] };

/** The Admin API calls reconciling needs, bound to one shop (src/server/shops/sync-webhook-subscriptions.ts). */
export type SubscriptionGateway = {
  list(): Promise<CurrentSubscription[]>;
  create(topic: string, callbackUrl: string): Promise<MutationOutcome>;
  update(id: string, callbackUrl: string): Promise<MutationOutcome>;
  remove(id: string): Promise<MutationOutcome>;
};

export type ReconcileInput = {
  /** APP_URL: subscriptions point at APP_URL + /api/webhooks/shopify. */
  appUrl: string;
  /** Only list and plan (`--check`, health). */
  dryRun?: boolean;
  topics?: readonly SubscribedTopic[];
};

export type ReconcileReport = { callbackUrl: string; plan: SubscriptionPlan; created: number; moved: number; removed: number };
export type ReconcileFailure = 'invalid_app_url' | 'callback_refused' | 'refused' | 'unreachable';
export type ReconcileResult =
  | ({ ok: true; complete: boolean; missing: SubscribedTopic[] } & ReconcileReport)
  | ({ ok: false; reason: ReconcileFailure; message: string } & Partial<ReconcileReport>);

// Shopify's answer when the same app already has this topic at this address; a concurrent reconcile won.
const ALREADY_TAKEN = /already been taken/i;

/**
 * Brings one shop's subscriptions to the plan of planWebhookSubscriptions (see there for the guarantees)
 * with one list query and one mutation per change; a second run lists and changes nothing. Never throws for
 * Shopify's answers: userErrors (e.g. an http:// address refused) and unreachable shops come back as
 * `{ ok: false }` with a message naming what to fix.
 */
export async function reconcileWebhookSubscriptions(gateway: SubscriptionGateway, input: ReconcileInput): Promise<ReconcileResult> {
  const callbackUrl = webhookCallbackUrl(input.appUrl);
  if (!callbackUrl) return { ok: false, reason: 'invalid_app_url', message: `APP_URL (${input.appUrl}) is not an absolute http(s) URL.` };
  const topics = input.topics ?? SUBSCRIBED_TOPICS;
  const report: ReconcileReport = { callbackUrl, plan: { create: [], move: [], remove: [], keep: [], foreign: 0 }, created: 0, moved: 0, removed: 0 };
  try {
    report.plan = planWebhookSubscriptions(await gateway.list(), topics, callbackUrl);
    const { plan } = report;
    if (input.dryRun || isPlanEmpty(plan)) {
      const missing = [...plan.create, ...plan.move.map((move) => move.topic)];
      return { ok: true, complete: isPlanEmpty(plan), missing, ...report };
    }
    // Removals first: a reshaped subscription at our address must go before its replacement is created.
    for (const removal of plan.remove) {
      const outcome = await gateway.remove(removal.id);
      if (!outcome.ok) return refused(report, input.appUrl, `remove the ${removal.topic} subscription at ${removal.callbackUrl}`, outcome.userErrors);
      report.removed += 1;
    }
    for (const move of plan.move) {
      const outcome = await gateway.update(move.id, callbackUrl);
      if (!outcome.ok) return refused(report, input.appUrl, `move the ${move.topic} subscription to ${callbackUrl}`, outcome.userErrors);
      report.moved += 1;
    }
    for (const topic of plan.create) {
      const outcome = await gateway.create(topicToGraphqlEnum(topic), callbackUrl);
      if (!outcome.ok && !outcome.userErrors.every((error) => ALREADY_TAKEN.test(error.message))) {
        return refused(report, input.appUrl, `subscribe ${topic} at ${callbackUrl}`, outcome.userErrors);
      }
      report.created += 1;
    }
    return { ok: true, complete: true, missing: [], ...report };
  } catch (error) {
    const kind = shopifyErrorKind(error);
    if (!kind) throw error;
    return {
      ok: false,
      reason: 'unreachable',
      message: `The Admin API did not answer usably (${kind}); subscriptions may be incomplete, run it again.`,
      ...report,
    };
  }
}

function refused(report: ReconcileReport, appUrl: string, action: string, userErrors: readonly UserError[]): ReconcileResult {
  const detail = userErrors.map((error) => error.message).join('; ') || 'no reason given';
  if (new URL(report.callbackUrl).protocol === 'http:') {
    return {
      ok: false,
      reason: 'callback_refused',
      message: `Shopify refused to ${action}: ${detail}. Shopify delivers webhooks only to https:// addresses: set APP_URL (now ${appUrl}) to the app's public https URL.`,
      ...report,
    };
  }
  return { ok: false, reason: 'refused', message: `Shopify refused to ${action}: ${detail}.`, ...report };
}
