/**
 * `tsx scripts/check-budgets.ts` (run by scripts/test-all.sh after `next build`): fails when a route's
 * first-load JavaScript, gzipped, breaks its budget. Reads .next/diagnostics/route-bundle-stats.json.
 * The budgets and why they are what they are: docs/benchmarks.md, "Budgets". public/widget.js (3 KB) is checked by
 * src/widget/widget-size.test.ts, which needs no build.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { z } from 'zod';

const KB = 1024;

export type RouteBudget = { route: string; maxFirstLoadGzip: number; maxOwnGzip: number; why: string };

/**
 * Total: what a first visit downloads (Next.js + React runtime ~132 KB of it, cached across routes).
 * Own: what the route adds on top of the chunks every route shares; that is the part our code controls.
 */
export const ROUTE_BUDGETS: readonly RouteBudget[] = [
  { route: '/widget/[shop]', maxFirstLoadGzip: 150 * KB, maxOwnGzip: 12 * KB, why: 'chat iframe, loaded only when the shopper opens the chat' },
  { route: '/t/[shop]', maxFirstLoadGzip: 150 * KB, maxOwnGzip: 10 * KB, why: 'hosted tracking page: lookup form' },
  { route: '/t/[shop]/orders/[orderId]', maxFirstLoadGzip: 150 * KB, maxOwnGzip: 10 * KB, why: 'hosted tracking page: one order' },
];

export const routeStatsSchema = z.array(z.object({ route: z.string(), firstLoadUncompressedJsBytes: z.number(), firstLoadChunkPaths: z.array(z.string()) }));
export type RouteStats = z.infer<typeof routeStatsSchema>;

export type BudgetResult = { route: string; firstLoadGzip: number; ownGzip: number; budget: RouteBudget; ok: boolean; problem: string | null };

/** Measures each budgeted route; a route missing from the build is a failure, not a pass. */
export function checkBudgets(stats: RouteStats, gzipSizeOf: (chunk: string) => number, budgets: readonly RouteBudget[] = ROUTE_BUDGETS): BudgetResult[] {
  const chunkSets = stats.map((entry) => new Set(entry.firstLoadChunkPaths));
  const shared = new Set([...(chunkSets[0] ?? [])].filter((chunk) => chunkSets.every((set) => set.has(chunk))));
  return budgets.map((budget) => {
    const entry = stats.find((candidate) => candidate.route === budget.route);
    if (!entry) return { route: budget.route, firstLoadGzip: 0, ownGzip: 0, budget, ok: false, problem: 'route not found in the build' };
    const firstLoadGzip = entry.firstLoadChunkPaths.reduce((sum, chunk) => sum + gzipSizeOf(chunk), 0);
    const ownGzip = entry.firstLoadChunkPaths.filter((chunk) => !shared.has(chunk)).reduce((sum, chunk) => sum + gzipSizeOf(chunk), 0);
    const problems = [
      firstLoadGzip > budget.maxFirstLoadGzip ? `first-load ${kb(firstLoadGzip)} > ${kb(budget.maxFirstLoadGzip)}` : null,
      ownGzip > budget.maxOwnGzip ? `own JS ${kb(ownGzip)} > ${kb(budget.maxOwnGzip)}` : null,
    ].filter(Boolean);
    return { route: budget.route, firstLoadGzip, ownGzip, budget, ok: problems.length === 0, problem: problems.join('; ') || null };
  });
}

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

function main(root = process.cwd()): number {
  const statsFile = path.join(root, '.next', 'diagnostics', 'route-bundle-stats.json');
  if (!existsSync(statsFile)) {
    console.error(`no ${path.relative(root, statsFile)}: run \`next build\` first`);
    return 1;
  }
  const stats = routeStatsSchema.parse(JSON.parse(readFileSync(statsFile, 'utf8')));
  const results = checkBudgets(stats, (chunk) => gzipSync(readFileSync(path.join(root, chunk)), { level: 9 }).length);
  console.table(
    results.map((r) => ({
      route: r.route,
      'first-load gz': kb(r.firstLoadGzip),
      budget: kb(r.budget.maxFirstLoadGzip),
      'own gz': kb(r.ownGzip),
      'own budget': kb(r.budget.maxOwnGzip),
      ok: r.ok ? 'yes' : `NO: ${r.problem}`,
    })),
  );
  return results.every((r) => r.ok) ? 0 : 1;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main();
