import type { LanguageFixture } from './language-fixture';

export default {
  locale: 'en',
  sentences: ['Where is my order? It has not arrived yet.', 'Hi, I would like to know when my package will arrive.'],
  intents: {
    where_is_my_order: ['Where is my order?', "My parcel still hasn't arrived"],
    tracking: ['Can I get the tracking number?', 'Which carrier is it with?'],
    eta: ['When will it arrive?', 'How long until it gets here?'],
    contents: ["What's in my order?", 'What did I buy?'],
    human: ['I want to talk to a person', 'Can I speak to customer service?'],
    other_orders: ['Show me all my orders', 'What about my other order?'],
  },
  references: [
    ['order 1001', '1001'],
    ['Order #1001', '1001'],
    ['order no. 1001', '1001'],
    ['#１００１', '1001'],
  ],
  lookups: ['Hi, where is my order {order}? My email is {email}', 'order number {number}, {email}', '{email} - order {order} never came'],
  chat: {
    ask: 'Where is my order?',
    number: 'It is order {order}',
    followUps: { eta: 'When will it arrive?', tracking: 'Tracking details please', contents: "What's in it?" },
    handoff: 'I want to talk to a person',
  },
} satisfies LanguageFixture;
