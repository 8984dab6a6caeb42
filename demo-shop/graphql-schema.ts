/**
 * Loads Shopify's real 2025-01 Admin schema once per process. Building the ~3 MB SDL costs ~0.8 s,
 * so the built schema is cached at module level and shared by every demo shop instance (see README for timings).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema, type GraphQLSchema } from 'graphql';

export const SCHEMA_PATH = fileURLToPath(new URL('./schema/admin-schema-2025-01.graphql', import.meta.url));

let cached: { schema: GraphQLSchema; buildMs: number } | null = null;

/** Returns the built schema and how long building took the first time (0 on later calls' measurement). */
export function loadAdminSchema(): { schema: GraphQLSchema; buildMs: number } {
  if (!cached) {
    const started = performance.now();
    const sdl = readFileSync(SCHEMA_PATH, 'utf8');
    // Shopify's own dump is valid: skip SDL/schema validation. Descriptions (three quarters of the 3 MB)
    // and AST locations are never read by the demo shop, so drop them: roughly halves the build time.
    const withoutDescriptions = sdl.replace(/"""[\s\S]*?"""/g, '');
    const schema = buildSchema(withoutDescriptions, { assumeValid: true, assumeValidSDL: true, noLocation: true });
    cached = { schema, buildMs: Math.round(performance.now() - started) };
  }
  return cached;
}
