/**
 * Test support: renders the theme app extension's blocks (extensions/order-status) with a real Liquid engine
 * (liquidjs) and the Shopify objects they read, so tests and screenshots see the HTML a storefront gets.
 * Shopify-only parts are stubbed the way Shopify behaves: `{% schema %}` renders nothing, `| t` reads the
 * extension's locales/en.default.json, `{% render %}` finds snippets/. Everything else is standard Liquid.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Liquid, Tag, type Context, type Emitter, type TagToken, type TopLevelToken } from 'liquidjs';

export const EXTENSION_DIR = path.resolve(import.meta.dirname, '../../extensions/order-status');

export type ShopifyStorefront = {
  shop: { permanent_domain: string; name: string };
  request: { locale: { iso_code: string }; design_mode: boolean };
};

export type BlockInput = { id: string; settings: Record<string, unknown>; shopify_attributes?: string };

/** `{% schema %}…{% endschema %}`: Shopify reads the JSON at deploy time and renders nothing in its place. */
class SchemaTag extends Tag {
  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid);
    while (remainTokens.length > 0) {
      const next = remainTokens.shift()!;
      if (next.kind === 4 /* TokenKind.Tag */ && (next as TagToken).name === 'endschema') return;
    }
    throw new Error('{% schema %} is not closed');
  }
  *render(_ctx: Context, _emitter: Emitter): Generator<unknown, void, unknown> {}
}

function lookup(tree: unknown, key: string): string | undefined {
  const value = key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), tree);
  return typeof value === 'string' ? value : undefined;
}

/** A Liquid engine configured like a theme app extension: blocks/, snippets/, locales/en.default.json. */
export function createExtensionEngine(dir = EXTENSION_DIR): Liquid {
  const translations: unknown = JSON.parse(readFileSync(path.join(dir, 'locales', 'en.default.json'), 'utf8'));
  const engine = new Liquid({
    root: [path.join(dir, 'blocks')],
    partials: [path.join(dir, 'snippets')],
    extname: '.liquid',
    strictFilters: true,
    // Shopify's Liquid returns nil for unknown variables; an unknown filter or tag is an error.
    strictVariables: false,
  });
  engine.registerTag('schema', SchemaTag);
  engine.registerFilter('t', (key: string) => {
    const text = lookup(translations, key);
    // Shopify prints "translation missing: en.key" in the page; a test should fail loudly instead.
    if (text === undefined) throw new Error(`translation missing: en.${key}`);
    return text;
  });
  return engine;
}

/** Renders blocks/{name}.liquid as Shopify would for one block instance. */
export async function renderBlock(
  name: 'chat-embed' | 'track-order',
  storefront: ShopifyStorefront,
  block: BlockInput,
  engine = createExtensionEngine(),
): Promise<string> {
  const html: unknown = await engine.renderFile(name, { ...storefront, block: { shopify_attributes: '', ...block } });
  return String(html).trim();
}

/** The JSON between `{% schema %}` and `{% endschema %}` of a block, parsed. */
export function readBlockSchema(name: string, dir = EXTENSION_DIR): Record<string, unknown> {
  const source = readFileSync(path.join(dir, 'blocks', `${name}.liquid`), 'utf8');
  const match = /\{%-?\s*schema\s*-?%\}([\s\S]*?)\{%-?\s*endschema\s*-?%\}/.exec(source);
  if (!match) throw new Error(`blocks/${name}.liquid has no schema`);
  return JSON.parse(match[1]!) as Record<string, unknown>;
}
