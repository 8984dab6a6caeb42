import type { LanguageFixture } from './language-fixture';

export default {
  locale: 'ja',
  sentences: ['注文した商品はいつ届きますか？', 'まだ荷物が届いていません。'],
  intents: {
    where_is_my_order: ['注文はどこですか？', '荷物がまだ届かないです'],
    tracking: ['追跡番号を教えてください', '配送業者はどこですか？'],
    eta: ['いつ届きますか？', '到着予定はいつですか'],
    contents: ['注文内容を教えてください', '何を注文したか確認したいです'],
    human: ['担当者と話したいです', 'オペレーターにつないでください'],
    other_orders: ['他の注文も見せてください', 'すべての注文を確認したい'],
  },
  references: [
    ['注文番号 1001', '1001'],
    ['注文番号１００１です', '1001'],
    ['ご注文番号は#1001です', '1001'],
    ['注文＃１００１', '1001'],
  ],
  lookups: ['注文番号{number}の配送状況を教えてください。メールは{email}です', '注文番号 {order}、{email}', '{email} です。注文 {order} がまだ届きません'],
  chat: {
    ask: '注文はどこですか？',
    number: '注文番号は{order}です',
    followUps: { eta: 'いつ届きますか？', tracking: '追跡番号を教えてください', contents: '注文内容を教えてください' },
    handoff: '担当者と話したいです',
  },
} satisfies LanguageFixture;
