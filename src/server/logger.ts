type Level = 'debug' | 'info' | 'warn' | 'error';
const order: Record<Level | 'silent', number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export type Logger = Record<Level, (message: string, fields?: Record<string, unknown>) => void>;

/** One JSON line per entry on stderr; shoppers never see these. */
export function createLogger(level: Level | 'silent' = 'info'): Logger {
  const write = (entryLevel: Level) => (message: string, fields?: Record<string, unknown>) => {
    if (order[entryLevel] < order[level]) return;
    process.stderr.write(`${JSON.stringify({ at: new Date().toISOString(), level: entryLevel, message, ...fields })}\n`);
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

/**
 * An error for the log without the data it carried: Drizzle's "Failed query" messages end with the query's
 * parameter values (a shopper's message, names, hashes), which stay out of logs. The cause's code is kept.
 */
export function describeError(error: unknown): { error: string; code?: string } {
  const message = error instanceof Error ? error.message : String(error);
  const withoutValues = message.replace(/\nparams:[\s\S]*$/, '\nparams: [left out]');
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  return code ? { error: withoutValues, code } : { error: withoutValues };
}
