import { describe, expect, it } from 'vitest';
import { fillTemplate, loadLanguageFixtures } from '../../../test/languages/language-fixture';
import { FIXTURE_NOW, sourceOrder } from '../../../test/support/source-order-fixture';
import { detectMessageLanguage } from '../i18n/detect-message-language';
import { SUPPORTED_LOCALES } from '../i18n/locales';
import { translator } from '../i18n/messages';
import { toOrderRecord } from '../orders/order-record';
import type { AccessibleOrder, AgentDeps } from './agent-deps';
import { followUps } from './agent-turn';
import { composeWelcome } from './compose-welcome';
import { chatPhrases } from './chat-phrases';
import { EMPTY_STATE, type ConversationState } from './conversation-state';
import { detectIntent } from './detect-intent';
import { extractEmail, extractOrderReference } from './extract-details';
import { runDeterministicTurn } from './run-deterministic-turn';

const fixtures = await loadLanguageFixtures();
const record = toOrderRecord(sourceOrder(), { now: FIXTURE_NOW, timeZone: 'UTC', hashEmail: (e) => `h:${e}` });
const EMAIL = 'jane.doe@example.com';

/** Verification succeeds only for #1001 + Jane's email, like verifyOrder would; a hand-off is recorded. */
function fakeDeps(): AgentDeps {
  const granted: AccessibleOrder[] = [];
  return {
    shop: { name: 'Acme', timeZone: 'UTC', returnPolicy: null, handoffEta: 'within 1 business day', handoffAvailable: true },
    now: () => FIXTURE_NOW,
    async verify(reference, email) {
      if (reference.replace(/\D/g, '') === '1001' && email === EMAIL) {
        granted.push({ record, stale: false });
        return { ok: true, record, stale: false };
      }
      return { ok: false, reason: 'not_verified', message: 'English message the agent must not relay' };
    },
    async getOrder(idOrName) {
      const found = granted.find((o) => o.record.orderId === idOrName || o.record.orderName.replace(/\D/g, '') === idOrName.replace(/\D/g, ''));
      return found ? { ok: true, ...found } : { ok: false, reason: 'no_access' };
    },
    listOrders: async () => granted,
    requestHuman: async () => ({ reference: 'H-ABCDEF12', emailed: true }),
    requestMagicLink: async () => ({ status: 'accepted', message: 'English answer' }),
  };
}

it('has one fixture per supported language', () => {
  expect(fixtures.map((fixture) => fixture.locale).sort()).toEqual([...SUPPORTED_LOCALES].sort());
});

describe.each(fixtures)('the engine in $locale', (fixture) => {
  const { locale } = fixture;
  const t = translator(locale, 'chat');

  it.each(fixture.sentences)('recognises the language of %s', (sentence) => {
    expect(detectMessageLanguage(sentence)).toBe(locale);
  });

  it.each(Object.entries(fixture.intents).flatMap(([intent, questions]) => questions.map((question) => [question, intent])))(
    'reads %s as %s',
    (question, intent) => {
      expect(detectIntent(question)).toBe(intent);
    },
  );

  it.each(fixture.references)('reads the order reference in %s', (text, digits) => {
    expect(extractOrderReference(text)?.replace(/\D/g, '')).toBe(digits);
  });

  it.each(fixture.lookups)('finds the number and the email in %s', (template) => {
    const text = fillTemplate(template, { name: '#1282' }, 'Jane.Doe@Example.com');
    expect(extractOrderReference(text)?.replace(/\D/g, '')).toBe('1282');
    expect(extractEmail(text)).toBe(EMAIL);
  });

  it('holds a whole conversation in the language: ask → number → email → follow-ups → hand-off', async () => {
    const deps = fakeDeps();
    let state: ConversationState = { ...EMPTY_STATE, locale: locale === 'en' ? 'de' : 'en' };
    const say = async (text: string) => {
      const reply = await runDeterministicTurn(deps, state, text);
      state = reply.state;
      return reply;
    };
    const asked = await say(fixture.chat.ask);
    expect(asked.state.locale).toBe(locale);
    expect(asked.text).toBe(t('ask.both'));
    const numbered = await say(fillTemplate(fixture.chat.number, { name: '#1001' }));
    expect(numbered.text).toBe(t('ask.emailFor', { order: '#1001' }));
    const found = await say(EMAIL);
    expect(found.text.startsWith(t('found'))).toBe(true);
    const card = found.cards.find((c) => c.type === 'order');
    expect(card?.type === 'order' && card.order.headline).toBe(translator(locale, 'status')(`headline.${record.view.status}`));
    expect(found.cards).toContainEqual({ type: 'quick_replies', options: followUps(locale) });
    const english = translator('en', 'chat');
    for (const [intent, question] of Object.entries(fixture.chat.followUps)) {
      const reply = await say(question);
      expect(reply.intent).toBe(intent);
      expect(reply.text.length).toBeGreaterThan(0);
      if (locale !== 'en') expect(reply.text).not.toContain(english('answer.trackingLinkBelow'));
    }
    const handoff = await say(fixture.chat.handoff);
    expect(handoff.intent).toBe('human');
    expect(handoff.text).toBe(chatPhrases(locale).handoffSentWithOrder('Acme', 'H-ABCDEF12', '#1001', 'within 1 business day'));
    expect(handoff.text).toContain(t('handoff.eta'));
    expect(state.locale).toBe(locale);
  });

  it('greets in the language: a guest, and a signed-in customer with their latest order', async () => {
    const guest = await composeWelcome(fakeDeps(), { customer: false, locale });
    expect(guest.text).toBe(t('welcome.guest', { shop: 'Acme' }));
    expect(guest.state.locale).toBe(locale);
    const deps = { ...fakeDeps(), listOrders: async () => [{ record, stale: false }] };
    const customer = await composeWelcome(deps, { customer: true, locale });
    const view = record.view;
    expect(customer.text).toBe(
      t('welcome.customer', {
        named: view.customerFirstName ? 'yes' : 'no',
        name: view.customerFirstName ?? '',
        order: view.orderName,
        status: view.status,
        more: 'no',
      }),
    );
    const card = customer.cards.find((c) => c.type === 'order');
    expect(card?.type === 'order' && card.order.headline).toBe(translator(locale, 'status')(`headline.${view.status}`));
  });

  it('words a failed verification in the language, the same sentence whatever was wrong', async () => {
    const texts = [];
    for (const attempt of ['#999999 jane.doe@example.com', '#1001 wrong@example.com', '#1001 jane.doe@example.org']) {
      const reply = await runDeterministicTurn(fakeDeps(), { ...EMPTY_STATE, locale }, attempt);
      texts.push(reply.text);
    }
    expect(new Set(texts)).toEqual(new Set([translator(locale, 'verification')('notVerified')]));
  });
});
