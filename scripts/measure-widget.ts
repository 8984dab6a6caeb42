/**
 * `tsx scripts/measure-widget.ts`: the storefront loader's size and the chat iframe's first-load JS, both
 * gzipped (level 9). The route figure needs a `next build` (it reads .next/diagnostics/route-bundle-stats.json).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { z } from 'zod';

const statsSchema = z.array(z.object({ route: z.string(), firstLoadUncompressedJsBytes: z.number(), firstLoadChunkPaths: z.array(z.string()) }));

export type WidgetSizes = {
  widgetJsBytes: number;
  widgetJsGzipBytes: number;
  /** null before a build. */
  iframeRoute: { route: string; firstLoadJsBytes: number; firstLoadJsGzipBytes: number; chunks: number } | null;
};

const gzipped = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

export function measureWidgetSizes(root = process.cwd(), route = '/widget/[shop]'): WidgetSizes {
  const loader = path.join(root, 'public', 'widget.js');
  const statsFile = path.join(root, '.next', 'diagnostics', 'route-bundle-stats.json');
  const entry = existsSync(statsFile) ? statsSchema.parse(JSON.parse(readFileSync(statsFile, 'utf8'))).find((r) => r.route === route) : undefined;
  return {
    widgetJsBytes: readFileSync(loader).length,
    widgetJsGzipBytes: gzipped(loader),
    iframeRoute: entry
      ? {
          route,
          firstLoadJsBytes: entry.firstLoadUncompressedJsBytes,
          firstLoadJsGzipBytes: entry.firstLoadChunkPaths.reduce((sum, chunk) => sum + gzipped(path.join(root, chunk)), 0),
          chunks: entry.firstLoadChunkPaths.length,
        }
      : null,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(measureWidgetSizes(), null, 2));
