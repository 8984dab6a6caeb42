import { describe, expect, it } from 'vitest';
import { placeTimelineLabels } from './timeline-label-layout';

const overlaps = (a: { left: number; right: number; lane: number }, b: { left: number; right: number; lane: number }) =>
  a.lane === b.lane && a.left < b.right && b.left < a.right;

// Order #1001 of the demo shop: eight events in four days, two pairs at the same minute (the chart that overlapped).
const journey = [
  'Order placed',
  'Payment received',
  'Carrier has the shipment details',
  'Shipped',
  'In transit',
  'In transit',
  'Out for delivery',
  'Delivered',
];
const at = [0, 0, 24, 24, 38, 52, 66, 80];

describe('placeTimelineLabels', () => {
  for (const width of [640, 340]) {
    it(`keeps every label apart and inside a ${width}-unit chart`, () => {
      const points = journey.map((text, i) => ({ text, x: 10 + (at[i]! / 80) * (width - 20) }));
      const placed = placeTimelineLabels(points, { width, fontSize: 12 });
      for (const [i, a] of placed.entries()) {
        expect(a.left).toBeGreaterThanOrEqual(0);
        expect(a.right).toBeLessThanOrEqual(width);
        for (const b of placed.slice(i + 1)) expect(overlaps(a, b), `${a.text} / ${b.text}`).toBe(false);
      }
      expect(placed.map((p) => p.text)).toContain('Payment received');
    });
  }

  it('uses one lane when the labels fit side by side', () => {
    const placed = placeTimelineLabels(
      [
        { x: 20, text: 'Placed' },
        { x: 300, text: 'Shipped' },
        { x: 620, text: 'Delivered' },
      ],
      { width: 640, fontSize: 12 },
    );
    expect(placed.map((p) => p.lane)).toEqual([0, 0, 0]);
    expect(placed.map((p) => p.anchor)).toEqual(['start', 'middle', 'end']);
  });
});
