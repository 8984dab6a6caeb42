/**
 * The Drizzle schema, one file per slice; everything is re-exported here so `@/server/db/schema` stays the one
 * import for queries. drizzle.config.ts reads the same files; migrations are generated from them (drizzle/).
 */
export * from './shops';
export * from './orders';
export * from './verification';
export * from './webhooks';
export * from './mail';
export * from './agent';
export * from './auth';
export * from './analytics';
export * from './members';
