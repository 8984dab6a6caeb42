import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, isEnumType } from 'graphql';
import { parse as parseToml } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/env';
import { HANDLED_TOPICS } from '@/domain/webhooks/handle-shopify-webhook';
import { COMPLIANCE_TOPICS, SUBSCRIBED_TOPICS, topicToGraphqlEnum, WEBHOOK_ROUTE_PATH } from '@/domain/webhooks/webhook-topics';
import { CREATE_WEBHOOK_SUBSCRIPTION_MUTATION } from '@/server/shopify/webhook-subscription-queries';

/**
 * One source of truth for webhook topics: the dispatcher, the Admin API subscriptions and shopify.app.toml
 * must name the same topics, and the toml must point at routes that exist. Parsed with a real TOML parser.
 */
const ROOT = path.resolve(__dirname, '../../..');
const toml = parseToml(readFileSync(path.join(ROOT, 'shopify.app.toml'), 'utf8')) as Record<string, unknown>;
const defaults = parseEnv({ NODE_ENV: 'test' });

type Subscription = { topics?: string[]; compliance_topics?: string[]; uri: string };
const webhooks = toml.webhooks as { api_version: string; subscriptions: Subscription[] };
const sorted = (values: Iterable<string>) => [...new Set(values)].sort();
const routeExists = (urlPath: string) => {
  const segments = urlPath
    .split('/')
    .filter(Boolean)
    .map((segment) => (segment.includes('.myshopify.com') ? '[shop]' : segment));
  return existsSync(path.join(ROOT, 'src/app', ...segments, 'route.ts')) || existsSync(path.join(ROOT, 'src/app', ...segments, 'page.tsx'));
};

describe('webhook topics agree everywhere', () => {
  it('the dispatcher handles exactly the subscribed topics plus the compliance topics', () => {
    expect(sorted(HANDLED_TOPICS)).toEqual(sorted([...SUBSCRIBED_TOPICS, ...COMPLIANCE_TOPICS]));
  });

  it('shopify.app.toml subscribes the same topics, compliance ones via compliance_topics, all to our webhook route over https', () => {
    expect(sorted(webhooks.subscriptions.flatMap((s) => s.topics ?? []))).toEqual(sorted(SUBSCRIBED_TOPICS));
    expect(sorted(webhooks.subscriptions.flatMap((s) => s.compliance_topics ?? []))).toEqual(sorted(COMPLIANCE_TOPICS));
    for (const subscription of webhooks.subscriptions) {
      const uri = new URL(subscription.uri);
      expect(uri.protocol).toBe('https:');
      expect(uri.pathname).toBe(WEBHOOK_ROUTE_PATH);
    }
    expect(routeExists(WEBHOOK_ROUTE_PATH)).toBe(true);
  });

  it('pins the webhook API version to SHOPIFY_API_VERSION', () => {
    expect(webhooks.api_version).toBe(defaults.SHOPIFY_API_VERSION);
  });

  it('every API-subscribed topic is a WebhookSubscriptionTopic of the pinned schema; compliance topics are not', () => {
    const schema = buildSchema(readFileSync(path.join(ROOT, 'demo-shop/schema/admin-schema-2025-01.graphql'), 'utf8'), { assumeValidSDL: true });
    const topicEnum = schema.getType('WebhookSubscriptionTopic');
    if (!isEnumType(topicEnum)) throw new Error('WebhookSubscriptionTopic is not an enum');
    const values = new Set(topicEnum.getValues().map((value) => value.name));
    for (const topic of SUBSCRIBED_TOPICS) expect(values, topic).toContain(topicToGraphqlEnum(topic));
    for (const topic of COMPLIANCE_TOPICS) expect(values).not.toContain(topicToGraphqlEnum(topic));
    expect(CREATE_WEBHOOK_SUBSCRIPTION_MUTATION).toContain('WebhookSubscriptionTopic!');
  });
});

describe('shopify.app.toml', () => {
  it('has the keys the CLI reads, with a placeholder client id', () => {
    expect(Object.keys(toml).sort()).toEqual(['access_scopes', 'app_proxy', 'application_url', 'auth', 'client_id', 'embedded', 'name', 'pos', 'webhooks']);
    expect(toml.client_id).toMatch(/^REPLACE-WITH-/);
    // Embedded in admin with Shopify-managed install (docs/embedded.md).
    expect(toml.embedded).toBe(true);
    expect((toml.access_scopes as { use_legacy_install_flow?: boolean }).use_legacy_install_flow).toBe(false);
  });

  it('requests exactly the scopes the code requests at install (SHOPIFY_SCOPES)', () => {
    const scopes = (toml.access_scopes as { scopes: string }).scopes;
    expect(sorted(scopes.split(','))).toEqual(sorted(defaults.SHOPIFY_SCOPES.split(',')));
  });

  it('points application_url, redirect_urls and the app proxy at routes that exist, on one https origin', () => {
    const application = new URL(toml.application_url as string);
    const redirects = (toml.auth as { redirect_urls: string[] }).redirect_urls.map((url) => new URL(url));
    const proxy = toml.app_proxy as { url: string; subpath: string; prefix: string };
    const proxyUrl = new URL(proxy.url);
    for (const url of [application, ...redirects, proxyUrl]) {
      expect(url.protocol).toBe('https:');
      expect(url.origin).toBe(application.origin);
    }
    expect(application.pathname).toBe('/embedded');
    expect(redirects.map((url) => url.pathname)).toEqual(['/api/shopify/callback']);
    expect(routeExists(application.pathname) && routeExists('/api/shopify/callback') && routeExists('/api/shopify/install')).toBe(true);
    // Shopify forwards /{prefix}/{subpath}/{rest} to {url}/{rest}: the widget page takes the shop as {rest}.
    expect(routeExists(`${proxyUrl.pathname}/acme.myshopify.com`)).toBe(true);
    expect(['apps', 'a', 'community', 'tools']).toContain(proxy.prefix);
    expect(proxy.subpath).toMatch(/^[a-z0-9_-]{1,30}$/i);
    // The path_prefix the demo shop signs for the app-proxy door (demo-shop/control-api.ts).
    expect(`/${proxy.prefix}/${proxy.subpath}`).toBe('/apps/wismo');
  });
});
