/** `webhookSubscriptions` and the create / update / delete mutations over the demo's subscription registry. */
import { GraphQLError } from 'graphql';
import { paginate, type PageArgs } from './connection';
import { gid, mapConnection } from './render-graphql';
import type { SubscriptionInput, WebhookSubscriptionRecord } from './webhook-subscriptions';
import type { GraphqlContext } from './graphql-resolvers';

type ListArgs = PageArgs & { topics?: string[] | null; callbackUrl?: string | null; format?: string | null };

function render(r: WebhookSubscriptionRecord): Record<string, unknown> {
  return {
    __typename: 'WebhookSubscription',
    id: gid('WebhookSubscription', r.id),
    legacyResourceId: String(r.id),
    topic: r.topic,
    format: r.format,
    includeFields: r.includeFields,
    metafieldNamespaces: [],
    metafields: [],
    filter: r.filter,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    callbackUrl: r.callbackUrl,
    endpoint: { __typename: 'WebhookHttpEndpoint', callbackUrl: r.callbackUrl },
  };
}

function parseId(id: string): number {
  const m = /^gid:\/\/shopify\/WebhookSubscription\/(\d+)$/.exec(id);
  if (!m) throw new GraphQLError(`Invalid global id '${id}'`, { extensions: { code: 'argumentLiteralsIncompatible' } });
  return Number(m[1]);
}

export function webhookRootFields(ctx: GraphqlContext): Record<string, unknown> {
  const { shop, subscriptions, app } = ctx;
  const payload = (outcome: { subscription: WebhookSubscriptionRecord | null; userErrors: unknown[] }) => ({
    webhookSubscription: outcome.subscription ? render(outcome.subscription) : null,
    userErrors: outcome.userErrors,
  });
  return {
    webhookSubscriptions: (args: ListArgs) => {
      const records = subscriptions
        .list(shop.domain, app)
        .filter(
          (r) =>
            (!args.topics || args.topics.includes(r.topic)) &&
            (!args.callbackUrl || r.callbackUrl === args.callbackUrl) &&
            (!args.format || r.format === args.format),
        );
      return mapConnection(
        paginate(records, args, (r) => ({ id: r.id, value: r.id }), true),
        render,
      );
    },
    webhookSubscription: (args: { id: string }) => {
      const record = subscriptions.find(shop.domain, app, parseId(args.id));
      return record ? render(record) : null;
    },
    webhookSubscriptionCreate: (args: { topic: string; webhookSubscription: SubscriptionInput }) =>
      payload(subscriptions.create(shop.domain, app, args.topic, args.webhookSubscription, ctx.nowMs)),
    webhookSubscriptionUpdate: (args: { id: string; webhookSubscription: SubscriptionInput }) =>
      payload(subscriptions.update(shop.domain, app, parseId(args.id), args.webhookSubscription, ctx.nowMs)),
    webhookSubscriptionDelete: (args: { id: string }) => {
      const outcome = subscriptions.delete(shop.domain, app, parseId(args.id));
      return {
        deletedWebhookSubscriptionId: outcome.deletedId === null ? null : gid('WebhookSubscription', outcome.deletedId),
        userErrors: outcome.userErrors,
      };
    },
  };
}
