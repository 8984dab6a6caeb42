import type { LanguageFixture } from './language-fixture';

export default {
  locale: 'nl',
  sentences: ['Hoi, waar is mijn bestelling? Hij is nog niet aangekomen.', 'Wanneer wordt mijn pakket bezorgd?'],
  intents: {
    where_is_my_order: ['Waar is mijn bestelling?', 'Mijn pakket is nog niet bezorgd'],
    tracking: ['Mag ik de track & trace?', 'Welke vervoerder heeft het pakket?'],
    eta: ['Wanneer komt hij aan?', 'Hoe lang duurt de levering nog?'],
    contents: ['Wat zit er in mijn bestelling?', 'Welke artikelen heb ik besteld?'],
    human: ['Ik wil een medewerker spreken', 'Kan ik met de klantenservice praten?'],
    other_orders: ['Laat al mijn bestellingen zien', 'En mijn andere bestelling?'],
  },
  references: [
    ['bestelling 1001', '1001'],
    ['bestelnummer 1001', '1001'],
    ['bestelling nr. 1001', '1001'],
    ['ordernummer #1001', '1001'],
  ],
  lookups: [
    'Hoi, waar is mijn bestelling {order}? Mijn e-mail is {email}',
    'bestelnummer {number}, {email}',
    '{email}: bestelling {order} is nooit aangekomen',
  ],
  chat: {
    ask: 'Hoi, waar is mijn bestelling?',
    number: 'Het is bestelling {order}',
    followUps: { eta: 'Wanneer komt hij aan?', tracking: 'Mag ik de track & trace?', contents: 'Wat zit erin?' },
    handoff: 'Ik wil graag een medewerker spreken',
  },
} satisfies LanguageFixture;
