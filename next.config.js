/** @type {import('next').NextConfig} */
const nextConfig = {
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

export default nextConfig;
