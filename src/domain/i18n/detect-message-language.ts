import { SUPPORTED_LOCALES, type Locale } from './locales';

/**
 * Common words that mark a language in shopper messages about orders. A word listed under several languages
 * ("pedido", "de", "en") counts only a fraction for each, so only distinctive words decide.
 */
const MARKERS: Record<Exclude<Locale, 'ja'>, string> = {
  en: "the is my where what when please hi hello thanks thank you it has have not yet can i and to of with your this did does arrived tracking how order package parcel still get will person talk speak number delivery was are an in for where's it's hasn't haven't want",
  de: 'ich ist meine mein meiner meinen wo wann bestellung bitte danke hallo nicht noch und der die das mit habe hat kann sie paket lieferung sendungsnummer wurde schon ein eine wie was bestellnummer sendung kommt angekommen geliefert mensch mitarbeiter sprechen bestellungen alle ist guten tag wird enthalten drin sendungsverfolgung lieferdatum welche artikel immer wissen',
  fr: "je est ma mon mes où quand commande merci bonjour pas encore et le la les avec ai colis livraison suivi vous ne une quoi c'est numéro commandes arrivé arrivée reçu livré parler conseiller humain toutes dans qu'il y a-t-il sera suis du des au salut contient quel quelle",
  es: 'mi mis dónde donde cuándo cuando pedido gracias hola no todavía aún y el los las con tengo paquete envío entrega seguimiento está llegado es un una pedidos llega llegará hablar persona agente todos qué hay número por favor del recibido buenos días contiene sigue ha',
  it: "il mio mia miei dove quando ordine grazie ciao non ancora e con ho pacco spedizione consegna è arrivato numero ordini arriva arriverà parlare operatore tutti cosa c'è per favore buongiorno del della ricevuto tracciamento contiene che sono uno una gli mi",
  nl: 'ik is mijn waar wanneer bestelling alstublieft graag bedankt dank hallo niet nog en de het met heb pakket levering bezorging een wat bestellingen bestelnummer aangekomen geleverd bezorgd spreken medewerker mens alle wordt zit erin volgen trackingcode komt hoi goedemorgen kan u je',
  'pt-BR':
    'meu minha meus minhas onde quando pedido obrigado obrigada olá oi não ainda e com tenho pacote entrega rastreio rastreamento chegou está é um uma cadê encomenda pedidos chega vai chegar falar atendente pessoa todos que tem número por favor do da recebi bom dia código',
};

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]/gu;
const KANA = /[\u3040-\u30ff]/u;
const EMAIL = /\S+@\S+/gu;
const WORD = /[\p{L}'’-]+/gu;

const weights = (() => {
  const owners = new Map<string, Locale[]>();
  for (const [locale, words] of Object.entries(MARKERS) as Array<[Locale, string]>) {
    for (const word of new Set(words.split(' '))) owners.set(word, [...(owners.get(word) ?? []), locale]);
  }
  return owners;
})();

/** Detection needs at least this much evidence and this lead over the runner-up. */
const MIN_SCORE = 2;
const MIN_LEAD = 1.5;

/**
 * The supported language a shopper message is clearly written in, or null when it is not clear. Conservative
 * on purpose: order numbers, emails, single words ("hi", "ok", "1001") and mixed or unknown languages give null,
 * so a conversation only switches language on real sentences. Japanese is recognised by its script (kana, or
 * several kanji); the other languages by their common words.
 */
export function detectMessageLanguage(text: string): Locale | null {
  const cleaned = text.normalize('NFKC').replace(EMAIL, ' ').toLowerCase().replace(/’/g, "'");
  const cjk = cleaned.match(CJK)?.length ?? 0;
  if (cjk >= 2 && (KANA.test(cleaned) || cjk >= 4)) return 'ja';
  const words = cleaned.match(WORD) ?? [];
  if (words.length < 2) return null;
  const scores = new Map<Locale, number>(SUPPORTED_LOCALES.map((locale) => [locale, 0]));
  for (const word of words) {
    const owners = weights.get(word.replace(/^'+|'+$/g, ''));
    if (!owners) continue;
    for (const owner of owners) scores.set(owner, (scores.get(owner) ?? 0) + 1 / owners.length);
  }
  const [best, second] = [...scores.entries()].sort((a, b) => b[1] - a[1]);
  if (!best || best[1] < MIN_SCORE) return null;
  return best[1] - (second?.[1] ?? 0) >= MIN_LEAD ? best[0] : null;
}
