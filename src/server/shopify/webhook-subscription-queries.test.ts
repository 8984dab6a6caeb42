import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  CREATE_WEBHOOK_SUBSCRIPTION_MUTATION,
  DELETE_WEBHOOK_SUBSCRIPTION_MUTATION,
  LIST_WEBHOOK_SUBSCRIPTIONS_QUERY,
  UPDATE_WEBHOOK_SUBSCRIPTION_MUTATION,
} from './webhook-subscription-queries';

// Shopify's own SDL for API 2025-01 (the copy CI has).
const schema = buildSchema(readFileSync(path.resolve(__dirname, '../../../demo-shop/schema/admin-schema-2025-01.graphql'), 'utf8'), { assumeValidSDL: true });

describe('webhook subscription documents', () => {
  it.each([
    ['list', LIST_WEBHOOK_SUBSCRIPTIONS_QUERY],
    ['create', CREATE_WEBHOOK_SUBSCRIPTION_MUTATION],
    ['update', UPDATE_WEBHOOK_SUBSCRIPTION_MUTATION],
    ['delete', DELETE_WEBHOOK_SUBSCRIPTION_MUTATION],
  ])('the %s document is valid against Shopify 2025-01', (_label, document) => {
    expect(validate(schema, parse(document)).map((error) => error.message)).toEqual([]);
  });

  it('the check is real: the deprecated-then-removed shape or a wrong argument fails', () => {
    expect(
      validate(schema, parse(LIST_WEBHOOK_SUBSCRIPTIONS_QUERY.replace(/\.\.\. on WebhookHttpEndpoint \{\s*callbackUrl\s*\}/, 'callbackUrl'))).length,
    ).toBeGreaterThan(0);
    expect(
      validate(schema, parse(CREATE_WEBHOOK_SUBSCRIPTION_MUTATION.replace('$topic: WebhookSubscriptionTopic!', '$topic: String!'))).length,
    ).toBeGreaterThan(0);
  });
});
