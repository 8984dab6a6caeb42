import type { AnalyticsEvent } from './analytics-event';
import { summarizeInquiries, type InquirySummary } from './inquiry-summary';

/**
 * Each count is a number of inquiries (a chat conversation, or one browser session on the page and link doors)
 * that started in the date range; what happened in them afterwards (answers, hand-offs, recontacts) counts too.
 */
export type WismoFunnel = {
  questions: number;
  lookupsAttempted: number;
  verified: number;
  answered: number;
  noPersonNeeded: number;
  askedAgain: number;
  /** Answered, no person within 72 h, and not asked again within 72 h. */
  resolved: number;
};

export const FUNNEL_HELP: Record<keyof WismoFunnel, { label: string; help: string }> = {
  questions: {
    label: 'Order-status questions',
    help: 'Conversations or tracking-page visits that began in the date range and asked about an order: a chat message about where an order is, its tracking, delivery date or contents, or any order lookup, deep link or magic link.',
  },
  lookupsAttempted: {
    label: 'Lookups attempted',
    help: 'Of those, the ones where the shopper gave an order number and email, or opened a signed deep link or magic link.',
  },
  verified: { label: 'Verified', help: 'Of those, the ones where the shopper proved the order was theirs (number and email matched, or a valid signed link).' },
  answered: { label: 'Answered', help: 'Of those, the ones where we showed the order status.' },
  noPersonNeeded: {
    label: 'No person needed (72 h)',
    help: 'Answered, and nobody asked for a person in that conversation (before it or within 72 hours of the first answer). It still counts answers the shopper came back about, so it is at least as high as “Resolved without a person”.',
  },
  askedAgain: {
    label: 'Asked again (72 h)',
    help: 'Answered, but the same order was asked about again in another conversation or visit within 72 hours: the answer did not settle it.',
  },
  resolved: {
    label: 'Resolved without a person',
    help: 'Answered, no person needed, and not asked again within 72 hours: the funnel’s “No person needed” minus the answers that had to be asked again.',
  },
};

/** The WISMO funnel over inquiry summaries (see FUNNEL_HELP for each step's definition). */
export function countWismoFunnel(inquiries: readonly InquirySummary[]): WismoFunnel {
  const funnel: WismoFunnel = { questions: 0, lookupsAttempted: 0, verified: 0, answered: 0, noPersonNeeded: 0, askedAgain: 0, resolved: 0 };
  for (const inquiry of inquiries) {
    if (!inquiry.question) continue;
    funnel.questions += 1;
    if (!inquiry.lookup) continue;
    funnel.lookupsAttempted += 1;
    if (!inquiry.verified) continue;
    funnel.verified += 1;
    if (!inquiry.firstAnswerAt) continue;
    funnel.answered += 1;
    if (!inquiry.personNeeded) funnel.noPersonNeeded += 1;
    if (inquiry.askedAgain) funnel.askedAgain += 1;
    if (!inquiry.personNeeded && !inquiry.askedAgain) funnel.resolved += 1;
  }
  return funnel;
}

/**
 * The WISMO funnel of every inquiry in `events`. Each step is a subset of the one before, except `askedAgain`,
 * which is a subset of `answered`.
 */
export const computeWismoFunnel = (events: readonly AnalyticsEvent[]): WismoFunnel => countWismoFunnel(summarizeInquiries(events));
