import { describe, expect, it } from 'vitest';
import { currentNavHref } from './current-nav-href';

const base = '/dashboard/acme.myshopify.com';
const hrefs = [base, `${base}/orders`, `${base}/conversations`, `${base}/audit`, `${base}/settings`];

describe('currentNavHref', () => {
  it('marks exactly one tab: the overview only on its own path, a transcript under Conversations', () => {
    expect(currentNavHref(base, hrefs)).toBe(base);
    expect(currentNavHref(`${base}/`, hrefs)).toBe(base);
    expect(currentNavHref(`${base}/orders`, hrefs)).toBe(`${base}/orders`);
    expect(currentNavHref(`${base}/conversations/0b7c6f0e-1111-4222-8333-944455556666`, hrefs)).toBe(`${base}/conversations`);
    expect(currentNavHref(`${base}/settings`, hrefs)).toBe(`${base}/settings`);
  });

  it('matches an encoded shop segment and never a sibling that shares a prefix', () => {
    expect(currentNavHref('/dashboard/acme%2Emyshopify.com/audit', hrefs)).toBe(`${base}/audit`);
    expect(currentNavHref(`${base}/auditors`, hrefs)).toBe(base);
    expect(currentNavHref('/dashboard/other.myshopify.com', hrefs)).toBeNull();
  });
});
