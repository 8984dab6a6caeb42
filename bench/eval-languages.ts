/**
 * The per-language half of `npm run eval`: the same lookups, phrased as a shopper of each language writes them in
 * chat (test/languages/<locale>.ts), read by the deterministic engine's extraction and intent rules, verified by
 * verifyOrder, and answered in that language. Valid lookups must verify and be answered in the language; invalid ones
 * (a typo in the email, another order's number) must be refused.
 */
import type { DemoShop } from '../demo-shop/server';
import { EMPTY_STATE } from '../src/domain/agent/conversation-state';
import { ORDER_QUESTIONS } from '../src/domain/agent/detect-intent';
import { readShopperMessage } from '../src/domain/agent/run-deterministic-turn';
import { extractEmail, extractOrderReference } from '../src/domain/agent/extract-details';
import { composeOrderAnswer } from '../src/domain/agent/compose-order-answer';
import { detectMessageLanguage } from '../src/domain/i18n/detect-message-language';
import { translator } from '../src/domain/i18n/messages';
import { orderViewIn } from '../src/domain/orders/order-record';
import { verifyOrder, type VerifyOrderDeps } from '../src/domain/verification/verify-order';
import { fillTemplate, loadLanguageFixtures } from '../test/languages/language-fixture';
import { printTable, type Row } from './bench-kit';

/** Orders per shop in the per-language corpus (the same ones for every language). */
const ORDERS_PER_SHOP = 40;

export async function evaluateLanguages(demo: DemoShop, depsByShop: Map<string, VerifyOrderDeps>): Promise<{ failures: string[] }> {
  const fixtures = await loadLanguageFixtures();
  const rows: Row[] = [];
  const failures: string[] = [];
  const pct = (part: number, whole: number) => `${((100 * part) / Math.max(1, whole)).toFixed(2)} %`;
  for (const fixture of fixtures) {
    const { locale } = fixture;
    let valid = 0,
      found = 0,
      right = 0,
      total = 0,
      falsePositives = 0,
      invalid = 0,
      languageKept = 0;
    for (const info of demo.shops) {
      const real = demo.data
        .orders(info.domain)
        .filter((order) => order.email && !order.test)
        .slice(0, ORDERS_PER_SHOP);
      for (const [index, order] of real.entries()) {
        const template = fixture.lookups[index % fixture.lookups.length]!;
        const other = real[(index + 7) % real.length]!;
        const cases = [
          { sentence: fillTemplate(template, order, order.email!), expect: 'verified' as const },
          { sentence: fillTemplate(template, order, `x${order.email!}`), expect: 'refused' as const },
          ...(other.email!.toLowerCase() !== order.email!.toLowerCase()
            ? [{ sentence: fillTemplate(template, other, order.email!), expect: 'refused' as const }]
            : []),
        ];
        for (const item of cases) {
          const detected = detectMessageLanguage(item.sentence);
          // The engine's own reading: a number and an email alone continue a lookup.
          const { intent } = readShopperMessage({ ...EMPTY_STATE, locale }, item.sentence);
          const result = await verifyOrder(depsByShop.get(info.domain)!, {
            reference: extractOrderReference(item.sentence) ?? '',
            email: extractEmail(item.sentence) ?? '',
            holderHash: `eval-${locale}`,
            clientAddress: '203.0.113.9',
            door: 'api',
          });
          total += 1;
          if (item.expect === 'refused') {
            invalid += 1;
            falsePositives += result.ok ? 1 : 0;
            right += result.ok ? 0 : 1;
            if (result.ok) failures.push(`${locale} refused-case verified: ${item.sentence}`);
            continue;
          }
          valid += 1;
          // The conversation keeps (or switches to) this language: detection says so or stays silent.
          const kept = detected === null || detected === locale;
          languageKept += kept ? 1 : 0;
          const verified = result.ok && result.record.orderName === order.name;
          const view = verified ? orderViewIn(result.record, locale) : null;
          const answered =
            view !== null &&
            ORDER_QUESTIONS.includes(intent) &&
            view.headline === translator(locale, 'status')(`headline.${view.status}`) &&
            composeOrderAnswer(view, 'where_is_my_order', locale).length > 0;
          const ok = verified && answered && kept;
          found += ok ? 1 : 0;
          right += ok ? 1 : 0;
          if (!ok && failures.length < 20)
            failures.push(`${locale} lookup failed (${verified ? 'answer' : 'verify'}, intent ${intent}, language ${detected}): ${item.sentence}`);
        }
      }
    }
    rows.push({
      language: locale,
      lookups: total,
      'lookup success (valid)': pct(found, valid),
      'verification accuracy': pct(right, total),
      'false positives': pct(falsePositives, invalid),
      'language kept': pct(languageKept, valid),
    });
  }
  printTable('Per language: the same lookups phrased in each language (npm run eval)', rows);
  return { failures };
}
