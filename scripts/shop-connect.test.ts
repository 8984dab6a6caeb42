import { describe, expect, it } from 'vitest';
import { runShopConnect } from './shop-connect';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (line: string) => void out.push(line), err: (line: string) => void err.push(line) } };
}

const neverOpened = async (): Promise<never> => {
  throw new Error('services must not be opened for bad input');
};

describe('shop:connect argument checks (nothing opened, nothing written)', () => {
  it.each([
    [[], '--domain is required'],
    [['--domain', 'acme.myshopify.com'], '--token is required'],
    [['--domain', 'evil.com', '--token', 'shpat_x'], '--domain must be'],
    [['--domain', 'acme', '--token', 'shpat_x', '--api-origin', 'http://x.test/?a=1'], '--api-origin must be'],
    [['--domain', 'acme', '--token', 'shpat_x', '--owner', 'not-an-email'], '--owner must be'],
    [['--domain', 'acme', '--token', 'shpat_x', '--bogus', '1'], "Unknown option '--bogus'"],
    [['--domain', 'acme', '--token', 'shpat_x', 'positional'], 'positional'],
  ])('%j → exit 1 with one line', async (argv, message) => {
    const { out, err, io } = capture();
    expect(await runShopConnect(argv, neverOpened, io)).toBe(1);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).toContain(message);
    expect(err[0]).not.toContain('\n');
  });
});
