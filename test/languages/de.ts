import type { LanguageFixture } from './language-fixture';

export default {
  locale: 'de',
  sentences: ['Wo ist meine Bestellung? Sie ist noch nicht angekommen.', 'Hallo, wann kommt mein Paket an?'],
  intents: {
    where_is_my_order: ['Wo ist meine Bestellung?', 'Mein Paket ist immer noch nicht da'],
    tracking: ['Kann ich die Sendungsnummer haben?', 'Wie kann ich die Sendung verfolgen?'],
    eta: ['Wann kommt sie an?', 'Wie lange dauert die Lieferung noch?'],
    contents: ['Was ist in meiner Bestellung drin?', 'Welche Artikel habe ich bestellt?'],
    human: ['Ich möchte mit einem Mitarbeiter sprechen', 'Kann ich mit dem Kundenservice reden?'],
    other_orders: ['Zeig mir alle meine Bestellungen', 'Und meine andere Bestellung?'],
  },
  references: [
    ['Bestellung 1001', '1001'],
    ['Bestellnummer: 1001', '1001'],
    ['Bestellung Nr. 1001', '1001'],
    ['meine Bestellung #１００１', '1001'],
  ],
  lookups: [
    'Hallo, wo ist meine Bestellung {order}? Meine E-Mail ist {email}',
    'Bestellnummer {number}, {email}',
    '{email} – Bestellung {order} ist nie angekommen',
  ],
  chat: {
    ask: 'Wo ist meine Bestellung?',
    number: 'Es ist die Bestellung {order}',
    followUps: { eta: 'Wann kommt sie an?', tracking: 'Wie ist die Sendungsnummer?', contents: 'Was ist drin?' },
    handoff: 'Ich möchte bitte mit einem Menschen sprechen',
  },
} satisfies LanguageFixture;
