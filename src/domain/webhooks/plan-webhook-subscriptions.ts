import { topicFromGraphqlEnum, topicToGraphqlEnum, WEBHOOK_ROUTE_PATH, type SubscribedTopic } from './webhook-topics';

/** One of the shop's webhook subscriptions for this app, as `webhookSubscriptions` lists it. */
export type CurrentSubscription = {
  id: string;
  /** GraphQL `WebhookSubscriptionTopic`, e.g. `ORDERS_CREATE`. */
  topic: string;
  /** null for Pub/Sub and EventBridge endpoints, which are never ours. */
  callbackUrl: string | null;
  format: string;
  includeFields: readonly string[];
  filter: string | null;
};

export type PlannedRemoval = { id: string; topic: string; callbackUrl: string; reason: 'duplicate' | 'unwanted_topic' | 'reshaped' };

export type SubscriptionPlan = {
  create: SubscribedTopic[];
  /** Ours, at an older address (APP_URL changed): pointed at the current one with webhookSubscriptionUpdate. */
  move: { id: string; topic: SubscribedTopic; from: string }[];
  remove: PlannedRemoval[];
  keep: { id: string; topic: SubscribedTopic }[];
  /** Subscriptions at addresses that are not ours (another tool's or another endpoint type): never touched. */
  foreign: number;
};

/**
 * An address is ours when its path ends with our webhook route (so an older APP_URL is recognised);
 * anything else belongs to someone else and is left alone.
 */
export function isOurWebhookAddress(url: string): boolean {
  try {
    return new URL(url).pathname.replace(/\/+$/, '').endsWith(WEBHOOK_ROUTE_PATH);
  } catch {
    return false;
  }
}

const sameAddress = (a: string, b: string) => {
  try {
    return new URL(a).href === new URL(b).href;
  } catch {
    return a === b;
  }
};

/** Full JSON payloads, no filter: a narrowed subscription of ours would silently miss changes. */
const fullShape = (sub: CurrentSubscription) => sub.format === 'JSON' && sub.includeFields.length === 0 && !sub.filter;

/**
 * Pure plan from the shop's current subscriptions to exactly one full-JSON subscription per wanted topic at
 * `callbackUrl`. Guarantees: addresses that are not ours are never touched; no topic gets a second
 * subscription of ours (extras are removed, an older address of ours is moved rather than duplicated); a
 * plan made from its own outcome is empty (idempotent). Execute removals first, then moves, then creates.
 */
export function planWebhookSubscriptions(current: readonly CurrentSubscription[], wanted: readonly SubscribedTopic[], callbackUrl: string): SubscriptionPlan {
  const plan: SubscriptionPlan = { create: [], move: [], remove: [], keep: [], foreign: 0 };
  const ours = new Map<SubscribedTopic, Array<CurrentSubscription & { callbackUrl: string }>>();
  for (const sub of current) {
    const url = sub.callbackUrl;
    if (url === null || !isOurWebhookAddress(url)) {
      plan.foreign += 1;
      continue;
    }
    const topic = topicFromGraphqlEnum(sub.topic);
    if (!topic || !wanted.includes(topic)) {
      plan.remove.push({ id: sub.id, topic: sub.topic, callbackUrl: url, reason: 'unwanted_topic' });
      continue;
    }
    ours.set(topic, [...(ours.get(topic) ?? []), { ...sub, callbackUrl: url }]);
  }

  for (const topic of new Set(wanted)) {
    const subs = ours.get(topic) ?? [];
    const exact = subs.find((sub) => sameAddress(sub.callbackUrl, callbackUrl) && fullShape(sub));
    const movable = exact ? undefined : subs.find((sub) => !sameAddress(sub.callbackUrl, callbackUrl) && fullShape(sub));
    const chosen = exact ?? movable;
    if (exact) plan.keep.push({ id: exact.id, topic });
    else if (movable) plan.move.push({ id: movable.id, topic, from: movable.callbackUrl });
    else plan.create.push(topic);
    for (const sub of subs) {
      if (sub === chosen) continue;
      plan.remove.push({ id: sub.id, topic: topicToGraphqlEnum(topic), callbackUrl: sub.callbackUrl, reason: fullShape(sub) ? 'duplicate' : 'reshaped' });
    }
  }
  return plan;
}

/** True when the plan would change nothing. */
export function isPlanEmpty(plan: SubscriptionPlan): boolean {
  return plan.create.length === 0 && plan.move.length === 0 && plan.remove.length === 0;
}
