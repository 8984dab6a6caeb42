import type { LanguageFixture } from './language-fixture';

export default {
  locale: 'fr',
  sentences: ["Bonjour, où est ma commande ? Je ne l'ai pas encore reçue.", 'Quand est-ce que mon colis va arriver ?'],
  intents: {
    where_is_my_order: ['Où est ma commande ?', "Mon colis n'est toujours pas arrivé"],
    tracking: ['Pouvez-vous me donner le numéro de suivi ?', 'Quel est le transporteur ?'],
    eta: ['Quand va-t-elle arriver ?', 'Combien de temps pour la livraison ?'],
    contents: ['Que contient ma commande ?', "Qu'est-ce que j'ai commandé ?"],
    human: ['Je voudrais parler à un conseiller', 'Je veux parler à quelqu’un du service client'],
    other_orders: ['Montrez-moi toutes mes commandes', 'Et mon autre commande ?'],
  },
  references: [
    ['commande n° 1001', '1001'],
    ['commande nº 1001', '1001'],
    ['ma commande #1001', '1001'],
    ['numéro de commande : 1001', '1001'],
  ],
  lookups: [
    'Bonjour, où est ma commande {order} ? Mon e-mail est {email}',
    'commande n° {number}, {email}',
    '{email} : ma commande {order} n’est jamais arrivée',
  ],
  chat: {
    ask: 'Bonjour, où est ma commande ?',
    number: 'C’est la commande {order}',
    followUps: { eta: 'Quand va-t-elle arriver ?', tracking: 'Le suivi du colis, s’il vous plaît', contents: 'Que contient-elle ?' },
    handoff: 'Je voudrais parler à un conseiller',
  },
} satisfies LanguageFixture;
