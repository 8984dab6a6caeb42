/** The demo shops' in-memory data: seeded orders per shop, token registry, look-ups. */
import { randomBytes } from 'node:crypto';
import type { Order } from './model';
import { seedShop, type ShopData } from './seed/generate-orders';
import type { ShopConfig } from './shops';

export interface TokenGrant {
  shop: string;
  scopes: string[];
}

export class DemoStore {
  private readonly data = new Map<string, ShopData>();
  private readonly tokens = new Map<string, TokenGrant>();

  constructor(
    public readonly shops: ShopConfig[],
    private readonly seed: number,
    private readonly nowMs: number,
  ) {
    this.reseed();
  }

  /** Rebuilds every shop's orders from the seed (drops mutations and OAuth tokens). */
  reseed(): void {
    this.data.clear();
    this.tokens.clear();
    for (const s of this.shops) {
      this.data.set(s.domain, seedShop(s, this.seed, this.nowMs));
      this.tokens.set(s.accessToken, { shop: s.domain, scopes: s.scopes });
    }
  }

  shop(domain: string): ShopConfig | undefined {
    return this.shops.find((s) => s.domain === domain.toLowerCase());
  }

  shopData(domain: string): ShopData {
    const d = this.data.get(domain);
    if (!d) throw new Error(`unknown demo shop ${domain}`);
    return d;
  }

  orders(domain: string): Order[] {
    return this.shopData(domain).orders;
  }

  /** Exact name, or the same name ignoring case and a leading `#`. */
  findOrderByName(domain: string, name: string): Order | undefined {
    const norm = (s: string): string => s.trim().toLowerCase().replace(/^#/, '');
    const list = this.orders(domain);
    return list.find((o) => o.name === name) ?? list.find((o) => norm(o.name) === norm(name));
  }

  findOrderById(domain: string, id: number): Order | undefined {
    return this.orders(domain).find((o) => o.id === id);
  }

  grantFor(token: string): TokenGrant | undefined {
    return this.tokens.get(token);
  }

  issueToken(shop: string, scopes: string[]): string {
    const token = `shpat_${randomBytes(16).toString('hex')}`;
    this.tokens.set(token, { shop, scopes });
    return token;
  }

  revokeToken(token: string): void {
    this.tokens.delete(token);
  }
}
