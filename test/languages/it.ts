import type { LanguageFixture } from './language-fixture';

export default {
  locale: 'it',
  sentences: ['Ciao, dove è il mio ordine? Non è ancora arrivato.', 'Quando arriva il mio pacco?'],
  intents: {
    where_is_my_order: ['Dov’è il mio ordine?', 'Il mio pacco non è ancora arrivato'],
    tracking: ['Mi dai il numero di tracciamento?', 'Con quale corriere viaggia?'],
    eta: ['Quando arriva?', 'Quanto tempo ci vuole per la consegna?'],
    contents: ['Cosa contiene il mio ordine?', 'Quali articoli ho ordinato?'],
    human: ['Vorrei parlare con un operatore', 'Posso parlare con il servizio clienti?'],
    other_orders: ['Mostrami tutti i miei ordini', 'E il mio altro ordine?'],
  },
  references: [
    ['ordine 1001', '1001'],
    ['ordine nr. 1001', '1001'],
    ['ordine n° 1001', '1001'],
    ['numero ordine 1001', '1001'],
  ],
  lookups: ['Ciao, dov’è il mio ordine {order}? La mia email è {email}', 'ordine n° {number}, {email}', '{email}: il mio ordine {order} non è mai arrivato'],
  chat: {
    ask: 'Ciao, dov’è il mio ordine?',
    number: 'È l’ordine {order}',
    followUps: { eta: 'Quando arriva?', tracking: 'Mi dai il tracciamento?', contents: 'Cosa contiene?' },
    handoff: 'Vorrei parlare con un operatore',
  },
} satisfies LanguageFixture;
