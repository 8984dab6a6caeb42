import { z } from 'zod';
import type { CurrentSubscription } from '@/domain/webhooks/plan-webhook-subscriptions';
import type { MutationOutcome } from '@/domain/webhooks/reconcile-webhook-subscriptions';
import type { GraphqlOperation } from './graphql-transport';
import {
  CREATE_WEBHOOK_SUBSCRIPTION_MUTATION,
  DELETE_WEBHOOK_SUBSCRIPTION_MUTATION,
  LIST_SUBSCRIPTIONS_COST,
  LIST_WEBHOOK_SUBSCRIPTIONS_QUERY,
  SUBSCRIPTION_MUTATION_COST,
  SUBSCRIPTIONS_PAGE_SIZE,
  UPDATE_WEBHOOK_SUBSCRIPTION_MUTATION,
} from './webhook-subscription-queries';

type Call = <T>(operation: GraphqlOperation, schema: z.ZodType<T>) => Promise<T>;

export type WebhookSubscriptionCalls = {
  /** Every subscription this app has in the shop (all pages). */
  listWebhookSubscriptions(): Promise<CurrentSubscription[]>;
  createWebhookSubscription(topic: string, callbackUrl: string): Promise<MutationOutcome>;
  updateWebhookSubscription(id: string, callbackUrl: string): Promise<MutationOutcome>;
  deleteWebhookSubscription(id: string): Promise<MutationOutcome>;
};

const listSchema = z.object({
  webhookSubscriptions: z.object({
    nodes: z.array(
      z.object({
        id: z.string(),
        topic: z.string(),
        format: z.string(),
        includeFields: z.array(z.string()),
        filter: z.string().nullish(),
        endpoint: z.looseObject({ __typename: z.string(), callbackUrl: z.string().optional() }),
      }),
    ),
    pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullish() }),
  }),
});

const userErrors = z.array(z.object({ field: z.array(z.string()).nullish(), message: z.string() }));
const payload = (field: string) => z.object({ [field]: z.object({ userErrors }).nullable() });

// A page cap: 20 × 50 subscriptions is far beyond any real app; a looping cursor must not spend the budget.
const MAX_PAGES = 20;

/** The webhook-subscription calls of the Admin client, on the same transport (and shared point bucket). */
export function webhookSubscriptionCalls(call: Call): WebhookSubscriptionCalls {
  async function mutate(name: string, field: string, query: string, variables: Record<string, unknown>): Promise<MutationOutcome> {
    const data = await call({ name, costKey: name, initialCost: SUBSCRIPTION_MUTATION_COST, query, variables }, payload(field));
    const errors = data[field]?.userErrors ?? [{ field: null, message: `${field} returned nothing` }];
    return errors.length === 0 ? { ok: true } : { ok: false, userErrors: errors.map((error) => ({ field: error.field ?? null, message: error.message })) };
  }

  return {
    async listWebhookSubscriptions() {
      const all: CurrentSubscription[] = [];
      let after: string | null = null;
      for (let page = 0; page < MAX_PAGES; page++) {
        const variables: Record<string, unknown> = { first: SUBSCRIPTIONS_PAGE_SIZE, after };
        const operation = {
          name: 'listWebhookSubscriptions',
          costKey: 'webhooks:list',
          initialCost: LIST_SUBSCRIPTIONS_COST,
          query: LIST_WEBHOOK_SUBSCRIPTIONS_QUERY,
          variables,
        };
        const { webhookSubscriptions: connection } = await call(operation, listSchema);
        for (const node of connection.nodes) {
          all.push({
            id: node.id,
            topic: node.topic,
            callbackUrl: node.endpoint.__typename === 'WebhookHttpEndpoint' ? (node.endpoint.callbackUrl ?? null) : null,
            format: node.format,
            includeFields: node.includeFields,
            filter: node.filter ?? null,
          });
        }
        if (!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor) break;
        after = connection.pageInfo.endCursor;
      }
      return all;
    },
    createWebhookSubscription: (topic, callbackUrl) =>
      mutate('createWebhookSubscription', 'webhookSubscriptionCreate', CREATE_WEBHOOK_SUBSCRIPTION_MUTATION, {
        topic,
        webhookSubscription: { callbackUrl, format: 'JSON' },
      }),
    updateWebhookSubscription: (id, callbackUrl) =>
      mutate('updateWebhookSubscription', 'webhookSubscriptionUpdate', UPDATE_WEBHOOK_SUBSCRIPTION_MUTATION, { id, webhookSubscription: { callbackUrl } }),
    deleteWebhookSubscription: (id) => mutate('deleteWebhookSubscription', 'webhookSubscriptionDelete', DELETE_WEBHOOK_SUBSCRIPTION_MUTATION, { id }),
  };
}
