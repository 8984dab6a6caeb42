/**
 * The webhook-subscription documents (Admin API 2025-01; validated against Shopify's schema in
 * webhook-subscription-calls.test.ts). `endpoint` replaces the deprecated `callbackUrl`; Pub/Sub and
 * EventBridge endpoints come back without a callbackUrl and are never ours.
 */

/** Page size of the list: an app rarely has more than a few dozen subscriptions per shop. */
export const SUBSCRIPTIONS_PAGE_SIZE = 50;
/** Requested cost of one list page: connection 2 + 50 × (subscription 1 + endpoint 1). */
export const LIST_SUBSCRIPTIONS_COST = 2 + SUBSCRIPTIONS_PAGE_SIZE * 2;
/** Requested cost of one mutation as the demo shop prices it: 10 + payload, subscription and userErrors (Shopify often says 10). */
export const SUBSCRIPTION_MUTATION_COST = 13;

export const LIST_WEBHOOK_SUBSCRIPTIONS_QUERY = /* GraphQL */ `
  query listWebhookSubscriptions($first: Int!, $after: String) {
    webhookSubscriptions(first: $first, after: $after) {
      nodes {
        id
        topic
        format
        includeFields
        filter
        endpoint {
          __typename
          ... on WebhookHttpEndpoint {
            callbackUrl
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

export const CREATE_WEBHOOK_SUBSCRIPTION_MUTATION = /* GraphQL */ `
  mutation createWebhookSubscription($topic: WebhookSubscriptionTopic!, $webhookSubscription: WebhookSubscriptionInput!) {
    webhookSubscriptionCreate(topic: $topic, webhookSubscription: $webhookSubscription) {
      webhookSubscription {
        id
      }
      userErrors {
        field
        message
      }
    }
  }
`;

export const UPDATE_WEBHOOK_SUBSCRIPTION_MUTATION = /* GraphQL */ `
  mutation updateWebhookSubscription($id: ID!, $webhookSubscription: WebhookSubscriptionInput!) {
    webhookSubscriptionUpdate(id: $id, webhookSubscription: $webhookSubscription) {
      webhookSubscription {
        id
      }
      userErrors {
        field
        message
      }
    }
  }
`;

export const DELETE_WEBHOOK_SUBSCRIPTION_MUTATION = /* GraphQL */ `
  mutation deleteWebhookSubscription($id: ID!) {
    webhookSubscriptionDelete(id: $id) {
      deletedWebhookSubscriptionId
      userErrors {
        field
        message
      }
    }
  }
`;
