import { describe, expect, it } from 'vitest';
import { checkBudgets, ROUTE_BUDGETS, type RouteStats } from './check-budgets';

const KB = 1024;
const sizes: Record<string, number> = {
  'framework.js': 130 * KB,
  'widget-page.js': 6 * KB,
  'tracking-page.js': 4 * KB,
  'order-page.js': 3 * KB,
  'huge-lib.js': 60 * KB,
};
const route = (name: string, ...chunks: string[]): RouteStats[number] => ({
  route: name,
  firstLoadUncompressedJsBytes: 0,
  firstLoadChunkPaths: ['framework.js', ...chunks],
});

describe('checkBudgets', () => {
  it('passes routes inside their budgets and counts shared chunks only in the total', () => {
    const stats = [
      route('/widget/[shop]', 'widget-page.js'),
      route('/t/[shop]', 'tracking-page.js'),
      route('/t/[shop]/orders/[orderId]', 'order-page.js'),
      route('/_not-found'),
    ];
    const results = checkBudgets(stats, (chunk) => sizes[chunk]!);
    expect(results.map((r) => [r.route, r.ok, r.ownGzip])).toEqual([
      ['/widget/[shop]', true, 6 * KB],
      ['/t/[shop]', true, 4 * KB],
      ['/t/[shop]/orders/[orderId]', true, 3 * KB],
    ]);
    expect(results[0]!.firstLoadGzip).toBe(136 * KB);
  });

  it('fails when a change pulls a large library into the chat iframe', () => {
    const stats = [
      route('/widget/[shop]', 'widget-page.js', 'huge-lib.js'),
      route('/t/[shop]', 'tracking-page.js'),
      route('/t/[shop]/orders/[orderId]', 'order-page.js'),
    ];
    const [widget] = checkBudgets(stats, (chunk) => sizes[chunk]!);
    expect(widget!.ok).toBe(false);
    expect(widget!.problem).toContain('first-load 196.0 KB > 150.0 KB');
    expect(widget!.problem).toContain('own JS 66.0 KB > 12.0 KB');
  });

  it('fails when a budgeted route disappears from the build (a rename must move its budget)', () => {
    const results = checkBudgets([route('/widget/[shop]', 'widget-page.js')], (chunk) => sizes[chunk]!);
    expect(results.filter((r) => !r.ok).map((r) => r.problem)).toEqual(['route not found in the build', 'route not found in the build']);
  });

  it('keeps every budget far below Chatwoot’s 170 KB widget', () => {
    for (const budget of ROUTE_BUDGETS) expect(budget.maxFirstLoadGzip).toBeLessThanOrEqual(150 * KB);
  });
});
