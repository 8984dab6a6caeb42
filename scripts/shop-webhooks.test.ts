import { describe, expect, it } from 'vitest';
import { runShopWebhooks } from './shop-webhooks';

const neverOpened = async (): Promise<never> => {
  throw new Error('services must not be opened for bad input');
};

describe('shop:webhooks argument checks (nothing opened, nothing called)', () => {
  it.each([
    [[], 'name one shop with --domain'],
    [['--all', '--domain', 'acme.myshopify.com'], 'name one shop with --domain'],
    [['--domain', 'evil.com'], '--domain must be'],
    [['--all', '--bogus'], "Unknown option '--bogus'"],
    [['--all', 'positional'], 'positional'],
  ])('%j → exit 1 with one line', async (argv, message) => {
    const out: string[] = [];
    const err: string[] = [];
    expect(await runShopWebhooks(argv, neverOpened, { out: (line) => void out.push(line), err: (line) => void err.push(line) })).toBe(1);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).toContain(message);
  });
});
