/**
 * Intents in German, French, Spanish, Italian, Dutch, Portuguese and Japanese as shoppers write them (lower case,
 * accents kept), `|`-separated. Latin phrases match as whole words; Japanese has no spaces, so it matches anywhere.
 * `^` marks phrases that only count at the start of a message (greetings, thanks). Adding a language: add its phrases.
 */
export const INTENT_PHRASES: Record<string, { latin: string[]; japanese: string[] }> = {
  human: {
    latin: [
      'mensch|menschen|mitarbeiter|mitarbeiterin|kundenservice|kundendienst|berater|mit jemandem sprechen|mit einer person|echte person|humain',
      "conseiller|conseillère|service client|parler à|parler a|quelqu'un|une personne|un agent|opérateur|persona|humano|agente",
      'atención al cliente|servicio al cliente|hablar con|operador|operatore|umano|assistenza clienti|servizio clienti|parlare con',
      'medewerker|mens|klantenservice|iemand spreken|met iemand|persoon|atendente|pessoa|atendimento|falar com|suporte',
    ],
    japanese: ['担当者|オペレーター|人と話|スタッフ|人間|有人'],
  },
  cancel: {
    latin: [
      'stornieren|storniere|storno|stornierung|abbestellen|annuler|annulation|cancelar|cancelación|anular|annullare|annulla|annullamento',
      'cancellare|annuleren|annulering|cancelamento',
    ],
    japanese: ['キャンセル|取り消'],
  },
  change_address: {
    latin: [
      "adresse ändern|adresse falsch|falsche adresse|lieferadresse ändern|umgezogen|anschrift ändern|changer l'adresse|changer d'adresse",
      "modifier l'adresse|changer mon adresse|mauvaise adresse|déménagé|cambiar la dirección|cambiar mi dirección|cambiar dirección",
      "dirección incorrecta|dirección equivocada|me he mudado|me mudé|cambiare l'indirizzo|cambiare indirizzo|modificare l'indirizzo",
      'indirizzo sbagliato|traslocato|adres wijzigen|adres aanpassen|verkeerd adres|verkeerde adres|verhuisd|mudar o endereço',
      'mudar endereço|alterar o endereço|alterar endereço|endereço errado|me mudei',
    ],
    japanese: ['住所変更|住所を変更|住所が間違|住所を間違|お届け先を変更|届け先の変更|引っ越'],
  },
  return: {
    latin: [
      'rücksendung|zurücksenden|zurückschicken|retoure|umtausch|umtauschen|erstattung|geld zurück|kaputt|beschädigt|defekt|falsche größe',
      'retourner|rembourser|remboursement|échanger|échange|cassé|abîmé|endommagé|faire un retour|devolver|devolución|reembolso|roto',
      'dañado|talla equivocada|reso|restituire|rimborso|rotto|danneggiato|taglia sbagliata|retourneren|terugsturen|terugbetaling',
      'geld terug|ruilen|kapot|beschadigd|devolução|troca|trocar|quebrado|danificado|estorno',
    ],
    japanese: ['返品|返金|交換|壊れ|破損'],
  },
  other_orders: {
    latin: [
      'andere bestellung|andere bestellungen|anderen bestellung|anderen bestellungen|alle bestellungen|alle meine bestellungen',
      'meine bestellungen|frühere bestellung|weitere bestellung|zweite bestellung|autre commande|autres commandes|toutes mes commandes',
      'mes commandes|mes autres commandes|otro pedido|otros pedidos|todos mis pedidos|mis pedidos|mis otros pedidos|altro ordine',
      'altri ordini|tutti i miei ordini|i miei ordini|miei altri ordini|andere bestelling|andere bestellingen|al mijn bestellingen',
      'mijn bestellingen|mijn andere bestelling|outro pedido|outros pedidos|todos os meus pedidos|meus pedidos|meus outros pedidos',
    ],
    japanese: ['他の注文|ほかの注文|別の注文|全ての注文|すべての注文|注文履歴|過去の注文'],
  },
  tracking: {
    latin: [
      'sendungsverfolgung|sendungsnummer|trackingnummer|trackinglink|paketverfolgung|verfolgen|versanddienstleister|paketdienst|suivi',
      'suivre|numéro de suivi|lien de suivi|transporteur|seguimiento|rastrear|rastreo|número de seguimiento|transportista|mensajería',
      'tracciamento|tracciare|numero di spedizione|corriere|track & trace|track and trace|track en trace|trackingcode|volgen|vervoerder',
      'pakketdienst|rastreio|rastreamento|código de rastreio|código de rastreamento|transportadora',
    ],
    japanese: ['追跡|伝票番号|お問い合わせ番号|配送業者|トラッキング|運送会社'],
  },
  eta: {
    latin: [
      'wann|wie lange|lieferdatum|liefertermin|ankommen|ankunft|voraussichtlich|bis wann|quand|combien de temps|date de livraison|arriver',
      'arrivera|délai|délais|cuándo|cuando|cuánto tarda|cuánto tardará|fecha de entrega|llegará|plazo de entrega|quando|quanto tempo',
      'data di consegna|arriverà|tempi di consegna|wanneer|hoe lang|bezorgdatum|leverdatum|aankomen|verwacht|quanto tempo|prazo',
      'data de entrega|chegará|vai chegar|previsão',
    ],
    japanese: ['いつ|届く|到着予定|お届け予定|何日|配達日|到着日'],
  },
  contents: {
    latin: [
      "was ist drin|was ist in|inhalt|welche artikel|was habe ich bestellt|artikel|contenu|que contient|qu'est-ce que j'ai commandé",
      'quels articles|articles|qué contiene|contenido|qué pedí|qué artículos|artículos|cosa contiene|contenuto|cosa ho ordinato',
      'quali articoli|articoli|wat zit erin|wat zit er in|inhoud|wat heb ik besteld|welke artikelen|artikelen|o que tem|conteúdo',
      'o que eu pedi|o que comprei|quais itens|itens',
    ],
    japanese: ['中身|注文内容|内容|何を注文|何が入|商品'],
  },
  where_is_my_order: {
    latin: [
      'bestellnummer|bestelnummer|ordernummer|auftragsnummer|numéro de commande|número de pedido|numero ordine|número do pedido',
      'wo|bestellung|status|paket|sendung|lieferung|versand|verschickt|noch nicht|immer noch|verspätet|verloren|fehlt|où|commande|statut',
      'colis|livraison|expédiée|expédié|pas reçu|toujours pas|retard|perdu|dónde|donde|pedido|estado|paquete|envío|entrega|no ha llegado',
      "no me ha llegado|no llegó|todavía|retraso|perdido|dove|dov'è|ordine|stato|pacco|spedizione|consegna|non è arrivato|non arriva",
      'ancora|ritardo|perso|waar|bestelling|pakket|zending|levering|bezorging|verzonden|nog niet|vertraagd|kwijt|onde|cadê|pacote',
      'encomenda|envio|não chegou|ainda|atrasado|atraso',
    ],
    japanese: ['どこ|注文|荷物|配送|発送|届かない|届いて|状況|遅れ|配達'],
  },
  thanks: {
    latin: [
      "^danke|^vielen dank|^dankeschön|^super|^perfekt|^alles klar|^merci|^parfait|^d'accord|^gracias|^perfecto|^genial|^vale|^grazie",
      '^perfetto|^ottimo|^bedankt|^dank je|^dankjewel|^top|^prima|^perfect|^obrigado|^obrigada|^valeu|^perfeito|^beleza',
    ],
    japanese: ['^ありがとう|^了解|^わかりました|^承知'],
  },
  greeting: {
    latin: [
      '^hallo|^guten tag|^guten morgen|^guten abend|^servus|^moin|^bonjour|^bonsoir|^salut|^coucou|^hola|^buenos días|^buenas tardes',
      '^buenas noches|^buenas|^ciao|^buongiorno|^buonasera|^salve|^hoi|^goedemorgen|^goedemiddag|^goedenavond|^oi|^olá|^ola|^bom dia',
      '^boa tarde|^boa noite',
    ],
    japanese: ['^こんにちは|^こんばんは|^おはよう|^はじめまして'],
  },
};
