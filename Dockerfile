# syntax=docker/dockerfile:1
# Production image: the Next.js standalone bundle, run by `node server.js` as an unprivileged user.
# Not built in CI (no Docker there); CI runs the same build commands (scripts/test-all.sh) and starts the same
# bundle against PostgreSQL and Redis (scripts/check-standalone.ts). docs/deploy.md explains the whole setup.
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# Exactly what CI runs before it checks the bundle.
RUN npx next build && bash scripts/assemble-standalone.sh

FROM ${NODE_IMAGE} AS app
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    DATA_DIR=/data
# Only the traced runtime files: no dev dependencies, no sources. Owned by root, so the app cannot rewrite its
# own code; it writes only to /data (PGlite and the generated dev secret when no DATABASE_URL / APP_SECRET).
COPY --from=build /app/.next/standalone ./
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
# /api/health answers 200 while the database answers (ok or degraded) and 503 when it does not.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Migrations: `docker run … node db-migrate.mjs` (or the compose `migrate` service) once per deploy.
CMD ["node", "server.js"]
