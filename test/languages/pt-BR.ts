import type { LanguageFixture } from './language-fixture';

export default {
  locale: 'pt-BR',
  sentences: ['Oi, cadê meu pedido? Ainda não chegou.', 'Quando meu pacote vai chegar?'],
  intents: {
    where_is_my_order: ['Cadê meu pedido?', 'Meu pacote ainda não chegou'],
    tracking: ['Pode me passar o código de rastreio?', 'Qual é a transportadora?'],
    eta: ['Quando vai chegar?', 'Qual é o prazo de entrega?'],
    contents: ['O que tem no meu pedido?', 'Quais itens eu pedi?'],
    human: ['Quero falar com um atendente', 'Posso falar com uma pessoa?'],
    other_orders: ['Mostre todos os meus pedidos', 'E o meu outro pedido?'],
  },
  references: [
    ['pedido #1001', '1001'],
    ['pedido nº 1001', '1001'],
    ['número do pedido 1001', '1001'],
    ['encomenda 1001', '1001'],
  ],
  lookups: ['Oi, cadê meu pedido {order}? Meu e-mail é {email}', 'pedido nº {number}, {email}', '{email}: meu pedido {order} não chegou'],
  chat: {
    ask: 'Oi, cadê meu pedido?',
    number: 'É o pedido {order}',
    followUps: { eta: 'Quando vai chegar?', tracking: 'Pode me passar o rastreio?', contents: 'O que tem nele?' },
    handoff: 'Quero falar com um atendente',
  },
} satisfies LanguageFixture;
