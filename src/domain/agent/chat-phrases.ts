/**
 * Shopper-facing sentences of the hand-off, the chat's magic link, short follow-ups and the proactive greeting:
 * one function per sentence, so each can be found (and translated) in one place.
 */
export const CHAT_PHRASES = {
  handoffAskEmail: (shopName: string) => `I can pass your question to a person at ${shopName}. First, what email address should they reply to?`,
  handoffAskEmailAgain: () => 'Please type the email address the team should reply to (like name@example.com).',
  handoffAskQuestion: (maskedEmail: string) =>
    `Thanks, they'll reply to ${maskedEmail}. What would you like them to help with? Write it in one message and I'll pass it on.`,
  handoffSentToEmail: (shopName: string, reference: string, maskedEmail: string, eta: string) =>
    `I've passed your question to the ${shopName} team (reference ${reference}). A person will reply to ${maskedEmail} ${eta}.`,
  handoffSentWithOrder: (shopName: string, reference: string, orderName: string, eta: string) =>
    `I've passed this conversation and order ${orderName} to the ${shopName} team (reference ${reference}). A person will reply to the email address on your order ${eta}.`,
  handoffAlreadySent: (shopName: string, reference: string, eta: string) =>
    `I've already passed this conversation to the ${shopName} team (reference ${reference}). They'll get back to you ${eta}.`,
  handoffCard: (shopName: string, eta: string) => `The ${shopName} team will reply ${eta}.`,
  handoffUnavailable: (shopName: string) =>
    `I can't pass messages to the ${shopName} team from this chat. I can tell you where your order is, share tracking and delivery dates; for anything else, please use the contact details on ${shopName}'s website.`,
  handoffNotSent: (shopName: string) =>
    `I couldn't reach the ${shopName} team just now, so nobody has your question yet. Please try again in a few minutes, or use the contact details on ${shopName}'s website.`,
  policyOfferPerson: () => 'Shall I pass this on to a person?',
  policyContactShop: (shopName: string) => `Please use the contact details on ${shopName}'s website for this.`,
  magicLinkAskEmail: () => "I can email you a link that shows all your orders. What's the email address you used for them?",
  orderShown: (orderName: string) => `Here's the latest on order ${orderName}.`,
  nothingNew: (orderName: string) => `Nothing has changed on order ${orderName} since the update above.`,
  proactiveDelivered: (orderName: string, when: string | null) =>
    when ? `Good news: order ${orderName} was delivered (${when}).` : `Good news: order ${orderName} was delivered.`,
  proactiveOutForDelivery: (orderName: string) => `Order ${orderName} is out for delivery and should arrive today.`,
  proactiveAttemptFailed: (orderName: string) =>
    `The carrier tried to deliver order ${orderName} but couldn't; the tracking link below shows how to rebook or where to collect it.`,
  proactiveNoScan: (orderName: string, days: number) =>
    `Order ${orderName} has had no carrier update for ${days} days. It is most likely still on its way; ask me to pass it to a person if you're worried.`,
  proactiveReadyForPickup: (orderName: string) => `Order ${orderName} is ready to collect. Bring your order number with you.`,
  proactiveDeliveryProblem: (orderName: string) =>
    `The carrier reported a problem delivering order ${orderName}. The tracking link below has the details; I can pass it to a person if you need help.`,
} as const;
