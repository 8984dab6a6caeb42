import type { LanguageFixture } from './language-fixture';

export default {
  locale: 'es',
  sentences: ['Hola, ¿dónde está mi pedido? Todavía no ha llegado.', '¿Cuándo llegará mi paquete?'],
  intents: {
    where_is_my_order: ['¿Dónde está mi pedido?', 'Mi paquete todavía no ha llegado'],
    tracking: ['¿Me das el número de seguimiento?', '¿Qué transportista lo lleva?'],
    eta: ['¿Cuándo llega?', '¿Cuánto tarda la entrega?'],
    contents: ['¿Qué contiene mi pedido?', '¿Qué artículos pedí?'],
    human: ['Quiero hablar con una persona', '¿Puedo hablar con atención al cliente?'],
    other_orders: ['Muéstrame todos mis pedidos', '¿Y mi otro pedido?'],
  },
  references: [
    ['pedido #1001', '1001'],
    ['pedido nº 1001', '1001'],
    ['Pedido n.º 1001', '1001'],
    ['número de pedido 1001', '1001'],
  ],
  lookups: ['Hola, ¿dónde está mi pedido {order}? Mi correo es {email}', 'pedido nº {number}, {email}', '{email}: mi pedido {order} nunca llegó'],
  chat: {
    ask: 'Hola, ¿dónde está mi pedido?',
    number: 'Es el pedido {order}',
    followUps: { eta: '¿Cuándo llega?', tracking: '¿Me das el seguimiento?', contents: '¿Qué contiene?' },
    handoff: 'Quiero hablar con una persona',
  },
} satisfies LanguageFixture;
