import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findUiLiterals } from '../../../test/support/find-ui-literals';

/**
 * No words in shopper-facing components: every text a shopper reads or hears on the tracking pages and in the
 * widget comes from namespace `ui` of messages/<locale>.json. The dashboard and the embedded admin stay English.
 */
const ROOT = process.cwd();
const SHOPPER_FACING = ['src/app/t', 'src/app/widget', 'src/components/chat', 'src/components/order', 'src/components/form', 'src/components/i18n'];
/** Merchant-only components that live next to the chat's: rendered on the (English) dashboard alone. */
const DASHBOARD_ONLY = new Set(['src/components/chat/handoff-address-notice.tsx']);

function tsxFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return tsxFiles(relative);
    return entry.name.endsWith('.tsx') ? [relative] : [];
  });
}

describe('shopper-facing components', () => {
  const files = SHOPPER_FACING.flatMap(tsxFiles).filter((file) => !DASHBOARD_ONLY.has(file));

  it('dashboard-only components are not used by shopper pages', () => {
    for (const file of files) {
      const source = readFileSync(path.join(ROOT, file), 'utf8');
      for (const dashboardOnly of DASHBOARD_ONLY) expect(source, file).not.toContain(path.basename(dashboardOnly, '.tsx'));
    }
  });

  it('are found', () => {
    expect(files.length).toBeGreaterThan(15);
  });

  it.each(files)('%s has no literal text', (file) => {
    const literals = findUiLiterals(file, readFileSync(path.join(ROOT, file), 'utf8')).map((l) => `${file}:${l.line} ${l.where}: ${l.text}`);
    expect(literals).toEqual([]);
  });
});

describe('findUiLiterals', () => {
  const find = (source: string) => findUiLiterals('x.tsx', source).map((l) => `${l.where}: ${l.text}`);

  it('finds JSX text, visible attributes and rendered literals', () => {
    const source = `
      export function A({ pending, n, t }) {
        return (
          <form aria-label="Lookup">
            <h1>Track your order</h1>
            <input placeholder={'Type here'} title={\`Order \${n}\`} />
            <img alt="Logo" />
            <Field label="Email" hint={pending ? 'Wait' : t('hint')} />
            <button>{pending ? 'Sending…' : t('send')}</button>
            <p>{n} {n === 1 ? 'item' : 'items'}</p>
          </form>
        );
      }`;
    expect(find(source)).toEqual([
      'aria-label: Lookup',
      'text: Track your order',
      'placeholder: Type here',
      'title: Order',
      'alt: Logo',
      'label: Email',
      'hint: Wait',
      'child: Sending…',
      'child: item',
      'child: items',
    ]);
  });

  it('leaves class names, keys, ids, comparisons, punctuation and translation keys alone', () => {
    const source = `
      export function B({ t, state, shipment }) {
        return (
          <div className={\`p-2 \${state === 'locked' ? 'bg-red-50' : 'bg-amber-50'}\`} id="lookup-message" data-role="agent" key="a">
            {t('ui.lookup.submit')} · {' '} × {shipment.label ? \` (\${shipment.label})\` : ''}
            <span aria-hidden="true">{TONES[state]}</span>
            {t.rich('placed', { time: (chunks) => <time>{chunks}</time> })}
          </div>
        );
      }`;
    expect(find(source)).toEqual([]);
  });
});
