#!/usr/bin/env bash
# After `next build` (output: 'standalone'): completes .next/standalone into a folder that runs on its own with
# `node server.js`, no source tree and no other node_modules: static assets, public/, the migrations, and the
# migration runner compiled to one file (`node db-migrate.mjs [--check]`, the same code as `npm run db:migrate`;
# likewise `node shop-connect.mjs` for `npm run shop:connect`).
# CI (scripts/test-all.sh) and the Dockerfile run exactly `npx next build && bash scripts/assemble-standalone.sh`.
set -euo pipefail
cd "$(dirname "$0")/.."
out=.next/standalone
if [ ! -f "$out/server.js" ]; then
  echo "assemble-standalone: $out/server.js is missing; run \`npx next build\` first" >&2
  exit 1
fi
# Next copies only the traced server files; the browser assets and public/ are ours to place.
rm -rf "$out/.next/static" "$out/public" "$out/drizzle"
cp -R .next/static "$out/.next/static"
cp -R public "$out/public"
cp -R drizzle "$out/drizzle"
# Traced but never used at run time (24 MB): sharp serves only next/image (not used: shop logos are plain <img>),
# and PGlite's source maps and extension archives (no migration creates an extension). Next's own server trace
# and the proxy's trace ignore outputFileTracingExcludes, so they are removed here.
rm -rf "$out/node_modules/sharp" "$out/node_modules/@img"
find "$out/node_modules/@electric-sql/pglite" \( -name '*.map' -o -name '*.tar.gz' \) -delete
# postgres and PGlite stay external (they are in the bundle's node_modules, traced for the server); the rest
# (drizzle-orm's migrator, zod, src/env.ts) is compiled in.
# The same for `npm run shop:connect` (shop-connect.mjs), so an image can connect a custom-app shop too.
for script in db-migrate shop-connect; do
  npx esbuild "scripts/$script.ts" --bundle --platform=node --format=esm --target=node20 --log-level=warning \
    --external:postgres --external:@electric-sql/pglite --external:ioredis \
    --banner:js="import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" \
    --outfile="$out/$script.mjs"
done
echo "assemble-standalone: $out ready ($(du -sh "$out" | cut -f1), node_modules $(du -sh "$out/node_modules" | cut -f1)); start with: node $out/server.js"
