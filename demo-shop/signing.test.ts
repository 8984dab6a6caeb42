import { describe, expect, it } from 'vitest';
import { buildAppProxyQuery, signAppProxyQuery } from './app-proxy';
import { signOAuthQuery } from './oauth';
import { signWebhookBody } from './webhooks';

describe('signOAuthQuery (shopify-api.md §5.3)', () => {
  it('matches the published test vector', () => {
    const query =
      'code=0907a61c0c8d55e99db179b68161bc00&hmac=700e2dadb827fcc8609e9d5ce208b2e9cdaab9df07390d2cbca10d7c328fc4bf&shop=some-shop.myshopify.com&state=0.6784241404160823&timestamp=1337178173';
    expect(signOAuthQuery(new URLSearchParams(query), 'hush')).toBe('700e2dadb827fcc8609e9d5ce208b2e9cdaab9df07390d2cbca10d7c328fc4bf');
  });

  it('ignores key order and the hmac param, and percent-encodes spaces', () => {
    const a = signOAuthQuery({ shop: 'x.myshopify.com', state: 'a b', timestamp: '1' }, 'hush');
    const b = signOAuthQuery({ timestamp: '1', hmac: 'whatever', state: 'a b', shop: 'x.myshopify.com' }, 'hush');
    expect(a).toBe(b);
    expect(a).not.toBe(signOAuthQuery({ shop: 'x.myshopify.com', state: 'a+b', timestamp: '1' }, 'hush'));
  });
});

describe('signAppProxyQuery (shopify-api.md §7)', () => {
  it('matches the documented forwarded request', () => {
    const q = new URLSearchParams(
      'extra=1&extra=2&shop=shop-name.myshopify.com&logged_in_customer_id=1&path_prefix=%2Fapps%2Fawesome_reviews&timestamp=1317327555&signature=4c68c8624d737112c91818c11017d24d334b524cb5c2b8ba08daa056f7395ddb',
    );
    expect(signAppProxyQuery(q, 'hush')).toBe('4c68c8624d737112c91818c11017d24d334b524cb5c2b8ba08daa056f7395ddb');
  });

  it('matches the anonymous-visitor vector (empty logged_in_customer_id is signed)', () => {
    const params = { logged_in_customer_id: '', path_prefix: '/apps/wismo', shop: 'shop-name.myshopify.com', timestamp: '1317327555' };
    expect(signAppProxyQuery(params, 'hush')).toBe('8cfea3e262dcfe7dd9deaf1189467900b85e7f48dc68be43c6245453fee8b0fd');
  });

  it('builds a forwarded query that verifies', () => {
    const q = buildAppProxyQuery(
      { shop: 'shop-name.myshopify.com', pathPrefix: '/apps/awesome_reviews', loggedInCustomerId: 1, timestamp: 1317327555, extra: { extra: ['1', '2'] } },
      'hush',
    );
    expect(q.get('signature')).toBe('4c68c8624d737112c91818c11017d24d334b524cb5c2b8ba08daa056f7395ddb');
    expect(q.get('logged_in_customer_id')).toBe('1');
  });
});

describe('signWebhookBody (shopify-api.md §6.3)', () => {
  it('matches the test vector', () => {
    const body = '{"id":820982911946154508,"email":"jon@example.com","name":"#9999"}';
    expect(signWebhookBody(body, 'hush')).toBe('GHRA62rRonufCGcinoJEGFXXDPAEMt9WRVI1Q51xtjw=');
    expect(signWebhookBody(Buffer.from(body), 'hush')).toBe('GHRA62rRonufCGcinoJEGFXXDPAEMt9WRVI1Q51xtjw=');
  });
});
