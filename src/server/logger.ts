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
