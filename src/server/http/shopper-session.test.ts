import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/env';
import { newShopperSession } from './shopper-session';

const sessionFor = (APP_URL: string) => newShopperSession({ env: parseEnv({ APP_URL }) });

describe('newShopperSession cookie', () => {
  it('is SameSite=None; Secure; Partitioned on https, so the cross-site widget iframe keeps its session', () => {
    const session = sessionFor('https://osa.example.com');
    expect(session.header).toMatch(/; HttpOnly;.*SameSite=None; Secure; Partitioned$/);
    expect(session.cookie).toMatchObject({ sameSite: 'none', secure: true, partitioned: true, httpOnly: true });
  });

  it('treats http://localhost as secure (browsers do), for the demo and e2e', () => {
    expect(sessionFor('http://localhost:3210').header).toContain('SameSite=None; Secure; Partitioned');
  });

  it('keeps SameSite=Lax without Secure on plain http elsewhere (a Secure cookie would be refused there)', () => {
    const session = sessionFor('http://osa.internal:3000');
    expect(session.header).toContain('SameSite=Lax');
    expect(session.header).not.toContain('Secure');
    expect(session.cookie).toMatchObject({ sameSite: 'lax', secure: false, partitioned: false });
  });
});
