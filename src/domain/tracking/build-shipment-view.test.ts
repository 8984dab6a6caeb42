import { describe, expect, it } from 'vitest';
import { daysAgo, daysAhead, FIXTURE_NOW, fulfillment, fulfillmentEvent as ev, hoursAgo } from '../../../test/support/source-order-fixture';
import { buildShipmentView } from './build-shipment-view';
import { buildCarrierTrackingUrl, resolveTrackingUrl } from './carrier-tracking-url';

const ctx = { now: FIXTURE_NOW, timeZone: 'America/New_York', orderHasShippingAddress: true };
const one = { index: 0, count: 1 };

describe('tracking links', () => {
  it.each([
    ['UPS', '1Z999AA10123456784', 'https://www.ups.com/track?tracknum=1Z999AA10123456784'],
    ['USPS', '9400111899223397623910', 'https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223397623910'],
    ['FedEx', '123456789012', 'https://www.fedex.com/fedextrack/?trknbr=123456789012'],
    ['DHL Express', '1234567890', 'https://www.dhl.com/global-en/home/tracking/tracking-express.html?submit=1&tracking-id=1234567890'],
    ['Canada Post', '7023210039414604', 'https://www.canadapost-postescanada.ca/track-reperage/en#/details/7023210039414604'],
    ['Royal Mail', 'AB123456789GB', 'https://www.royalmail.com/track-your-item#/tracking-results/AB123456789GB'],
    ['PostNord', 'UV123456789SE', 'https://www.postnord.se/en/our-tools/track-and-trace?shipmentId=UV123456789SE'],
    ['Australia Post', 'ABC123', 'https://auspost.com.au/mypost/track/details/ABC123'],
    ['ups', '1Z1', 'https://www.ups.com/track?tracknum=1Z1'],
  ])('builds the %s link', (carrier, number, url) => {
    expect(buildCarrierTrackingUrl(carrier, number)).toBe(url);
  });

  it('URL-encodes the number so it cannot leave its slot', () => {
    const url = buildCarrierTrackingUrl('UPS', '1Z&x=<script>"#/../');
    expect(url).toBe('https://www.ups.com/track?tracknum=1Z%26x%3D%3Cscript%3E%22%23%2F..%2F');
    expect(new URL(url!).hostname).toBe('www.ups.com');
  });

  it('gives no link for unknown carriers or missing numbers', () => {
    expect(buildCarrierTrackingUrl('Bob’s Bikes Courier', '123')).toBeNull();
    expect(buildCarrierTrackingUrl('UPS', '  ')).toBeNull();
    expect(buildCarrierTrackingUrl(null, '123')).toBeNull();
  });

  it('keeps a safe Shopify URL and replaces an unsafe one', () => {
    expect(resolveTrackingUrl('UPS', '1Z1', 'https://carrier.example/t/1Z1')).toBe('https://carrier.example/t/1Z1');
    expect(resolveTrackingUrl('UPS', '1Z1', 'javascript:alert(1)')).toBe('https://www.ups.com/track?tracknum=1Z1');
    expect(resolveTrackingUrl('UPS', '1Z1', 'http://insecure.example/1Z1')).toBe('https://www.ups.com/track?tracknum=1Z1');
    expect(resolveTrackingUrl('Local Van', '1', 'data:text/html,<b>x</b>')).toBeNull();
  });
});

describe('buildShipmentView', () => {
  it('builds the carrier URL when Shopify gives none', () => {
    const s = buildShipmentView(fulfillment({ carrier: 'DHL Express', number: '1234567890', url: null, events: [ev('IN_TRANSIT', hoursAgo(3))] }), one, ctx);
    expect(s.trackingUrl).toBe('https://www.dhl.com/global-en/home/tracking/tracking-express.html?submit=1&tracking-id=1234567890');
    expect(s.trackingNote).toBeNull();
  });

  it('says "No tracking yet" honestly', () => {
    const s = buildShipmentView(fulfillment({ carrier: null, number: null, url: null }), one, ctx);
    expect(s).toMatchObject({
      carrier: null,
      trackingNumber: null,
      trackingUrl: null,
      trackingNote: 'No tracking yet',
      status: 'shipped',
      latestEvent: null,
      possiblyDelayed: false,
    });
  });

  it('a number from an unknown carrier has no link but says so', () => {
    const s = buildShipmentView(fulfillment({ carrier: 'Village Courier', number: 'VC-1', url: null }), one, ctx);
    expect(s.trackingUrl).toBeNull();
    expect(s.trackingNote).toMatch(/Tracking number only/);
  });

  it('shows the estimated delivery only while it is ahead', () => {
    const ahead = buildShipmentView(fulfillment({ estimatedDeliveryAt: daysAhead(2), events: [ev('IN_TRANSIT', hoursAgo(3))] }), one, ctx);
    expect(ahead.estimatedDelivery).toEqual({ at: daysAhead(2), display: 'Wednesday, March 12' });
    const passed = buildShipmentView(fulfillment({ estimatedDeliveryAt: daysAgo(1), events: [ev('IN_TRANSIT', hoursAgo(3))] }), one, ctx);
    expect(passed.estimatedDelivery).toBeNull();
    const fromEvent = buildShipmentView(fulfillment({ events: [ev('IN_TRANSIT', hoursAgo(3), { estimatedDeliveryAt: daysAhead(1) })] }), one, ctx);
    expect(fromEvent.estimatedDelivery?.display).toBe('Tuesday, March 11');
    const delivered = buildShipmentView(fulfillment({ estimatedDeliveryAt: daysAhead(1), events: [ev('DELIVERED', hoursAgo(3))] }), one, ctx);
    expect(delivered.estimatedDelivery).toBeNull();
  });

  it('flags a parcel in transit without a carrier scan for more than 4 days', () => {
    const stale = buildShipmentView(fulfillment({ events: [ev('CONFIRMED', daysAgo(9)), ev('IN_TRANSIT', daysAgo(8))] }), one, ctx);
    expect(stale).toMatchObject({ status: 'in_transit', possiblyDelayed: true, delayReason: 'no_recent_scan' });
    expect(stale.latestEvent?.age).toBe('8 days ago');
    const fresh = buildShipmentView(fulfillment({ events: [ev('IN_TRANSIT', daysAgo(3.9))] }), one, ctx);
    expect(fresh.possiblyDelayed).toBe(false);
    const labelOnly = buildShipmentView(fulfillment({ createdAt: daysAgo(6), events: [ev('LABEL_PRINTED', daysAgo(6))] }), one, ctx);
    expect(labelOnly).toMatchObject({ status: 'shipped', statusLabel: 'Shipping label created', possiblyDelayed: true });
    const untracked = buildShipmentView(fulfillment({ carrier: null, number: null, createdAt: daysAgo(10) }), one, ctx);
    expect(untracked.possiblyDelayed).toBe(false);
    const deliveredLongAgo = buildShipmentView(fulfillment({ events: [ev('DELIVERED', daysAgo(20))] }), one, ctx);
    expect(deliveredLongAgo.possiblyDelayed).toBe(false);
    const custom = buildShipmentView(fulfillment({ events: [ev('IN_TRANSIT', daysAgo(3))] }), one, { ...ctx, staleScanDays: 2 });
    expect(custom.possiblyDelayed).toBe(true);
  });

  it('passes on a carrier-reported delay', () => {
    const s = buildShipmentView(fulfillment({ events: [ev('IN_TRANSIT', hoursAgo(30)), ev('DELAYED', hoursAgo(2), { message: 'Weather' })] }), one, ctx);
    expect(s).toMatchObject({ status: 'in_transit', possiblyDelayed: true, delayReason: 'carrier_reported' });
    expect(s.latestEvent).toMatchObject({ status: 'DELAYED', label: 'Delayed', message: 'Weather' });
  });

  it('uses the latest event even when Shopify lists events newest first', () => {
    const s = buildShipmentView(
      fulfillment({
        displayStatus: null,
        events: [ev('OUT_FOR_DELIVERY', hoursAgo(1), { city: 'Ottawa', province: 'Ontario', country: 'Canada' }), ev('IN_TRANSIT', hoursAgo(20))],
      }),
      one,
      ctx,
    );
    expect(s.status).toBe('out_for_delivery');
    expect(s.latestEvent).toMatchObject({
      status: 'OUT_FOR_DELIVERY',
      location: 'Ottawa, Ontario, Canada',
      display: 'Mar 10, 2025, 10:00 AM EDT',
      age: '1 hour ago',
    });
  });

  it('an untracked parcel of an order without shipping address was handed over', () => {
    const s = buildShipmentView(fulfillment({ carrier: null, number: null }), one, { ...ctx, orderHasShippingAddress: false });
    expect(s.status).toBe('delivered');
  });
});
