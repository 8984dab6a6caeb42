import createNextIntlPlugin from 'next-intl/plugin';

// next-intl without i18n routing: the locale is negotiated per request in src/i18n/request.ts (docs/i18n.md).
// Messages are precompiled at build time (icu-minify), so browsers get no ICU parser: the widget's budget holds.
const withNextIntl = createNextIntlPlugin({
  requestConfig: './src/i18n/request.ts',
  experimental: { messages: { path: './messages', format: 'json', locales: 'infer', precompile: true } },
});

/** @type {import('next').NextConfig} */
const nextConfig = {
  // `node .next/standalone/server.js` runs without the source tree (docs/deploy.md; scripts/assemble-standalone.sh
  // adds static files, public/ and the migration runner). `next start` and `npm run demo` are unaffected.
  output: 'standalone',
  // Read at run time by path, so file tracing cannot see them: the committed migrations (src/server/db/client.ts)
  // and PGlite's WASM and data files (loaded next to its JS).
  outputFileTracingIncludes: {
    '/**': ['./drizzle/**/*', './node_modules/@electric-sql/pglite/dist/**/*.{js,cjs,wasm,data}'],
  },
  // PGlite ships WASM and data files that the server bundler must not touch (see STACK-NOTES).
  serverExternalPackages: ['@electric-sql/pglite', 'postgres', 'ioredis'],
  poweredByHeader: false,
  async headers() {
    return [
      {
        // Every page refuses to be framed unless a route sets its own policy in src/proxy.ts (the widget iframe and
        // the embedded admin pages under /embedded do).
        source: '/((?!widget/|embedded/|embedded$).*)',
        headers: [
          { key: 'Content-Security-Policy', value: "frame-ancestors 'none'" },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
