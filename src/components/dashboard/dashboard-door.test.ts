import { describe, expect, it } from 'vitest';
import { dashboardDoor, embeddedDoor } from './dashboard-door';

describe('dashboard doors', () => {
  it('the magic-link door links within /dashboard/{shop}', () => {
    const door = dashboardDoor('acme-outdoors.myshopify.com');
    expect(door.href('overview')).toBe('/dashboard/acme-outdoors.myshopify.com');
    expect(door.href('orders', { number: '#1001' })).toBe('/dashboard/acme-outdoors.myshopify.com/orders?number=%231001');
    expect(door.exportHref('audit', { from: '2026-11-01', to: '2026-11-30' })).toBe(
      '/dashboard/acme-outdoors.myshopify.com/export/audit.csv?from=2026-11-01&to=2026-11-30',
    );
    expect(door.hidden).toEqual({});
  });

  it('the embedded door carries shop, host and embedded=1 on every link and form, never a session token', () => {
    const door = embeddedDoor({ shop: 'acme-outdoors.myshopify.com', embedded: '1', host: 'YWRtaW4' });
    const urls = [
      door.href('settings'),
      door.href('orders', { number: '#1001' }),
      door.transcriptHref('0b9f6a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b'),
      door.exportHref('conversations', { from: '2026-11-01', to: '2026-11-30' }),
    ].map((href) => new URL(href, 'http://app.test'));
    expect(urls.map((url) => url.pathname)).toEqual([
      '/embedded/settings',
      '/embedded/orders',
      '/embedded/conversations/0b9f6a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
      '/embedded/export/conversations.csv',
    ]);
    for (const url of urls) {
      expect(url.searchParams.get('shop')).toBe('acme-outdoors.myshopify.com');
      expect(url.searchParams.get('embedded')).toBe('1');
      expect(url.searchParams.get('host')).toBe('YWRtaW4');
      expect(url.searchParams.has('id_token')).toBe(false);
    }
    expect(door.hidden).toEqual({ shop: 'acme-outdoors.myshopify.com', embedded: '1', host: 'YWRtaW4' });
  });
});
