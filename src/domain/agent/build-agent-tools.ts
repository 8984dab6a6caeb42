import { z } from 'zod';
import type { AgentDeps, AccessibleOrder } from './agent-deps';
import type { ChatCard } from './chat-message';
import type { ConversationState } from './conversation-state';
import { chatPhrases } from './chat-phrases';
import { extractEmail, extractOrderReference, redactEmails } from './extract-details';
import type { ModelToolDefinition } from './model-backend';
import { normalizeEmail } from '../verification/normalize-email';
import { orderCard, orderChoicesCard } from './order-cards';

/** Mutable per-turn memory the tools share with the turn runner; `shopperText` is this turn's message. */
export type ToolContext = { state: ConversationState; shopperText: string };
export type ToolResult = { content: string; cards: ChatCard[] };

const reference = z.string().trim().min(1).max(64);
const schemas = {
  verify_order: z.object({ order_number: reference.optional(), email: z.string().trim().max(320).optional() }),
  get_order_status: z.object({ order: reference.optional() }),
  list_orders: z.object({}),
  send_magic_link: z.object({}),
  request_human: z.object({ reason: z.string().trim().max(500).optional() }),
};
type ToolName = keyof typeof schemas;

/** The tools the model may call; `orderExample` is an order number in the shop's own format (`NT-1001`). */
export const agentToolDefinitions = (orderExample: string): ModelToolDefinition[] => [
  {
    name: 'verify_order',
    description:
      'Check that the shopper owns an order (order number + the email used for it). Omit an argument to use what the shopper already typed in this conversation. The only way to unlock an order.',
    parameters: { type: 'object', properties: { order_number: { type: 'string' }, email: { type: 'string' } }, additionalProperties: false },
  },
  {
    name: 'get_order_status',
    description: 'Status, shipments, tracking and items of an order this conversation has already verified. Omit `order` for the current one.',
    parameters: {
      type: 'object',
      properties: { order: { type: 'string', description: `order number like ${orderExample}, or order id` } },
      additionalProperties: false,
    },
  },
  { name: 'list_orders', description: 'Orders this conversation may see.', parameters: { type: 'object', properties: {}, additionalProperties: false } },
  {
    name: 'send_magic_link',
    description:
      'Email the shopper a sign-in link that shows all their orders (the address they typed in this conversation). Repeat the returned message as is: it is the same whether or not the email has orders.',
    parameters: { type: 'object', properties: {}, additionalProperties: false },
  },
  {
    name: 'request_human',
    description:
      "Pass the conversation to a person at the store (emails the transcript, and the verified order if any, to the store's support address). Without a verified order, the shopper must first type the email address for the reply; pass their question as reason.",
    parameters: { type: 'object', properties: { reason: { type: 'string' } }, additionalProperties: false },
  },
];

const json = (value: unknown) => JSON.stringify(value);
const digitsOf = (text: string) => text.replace(/\D/g, '').replace(/^0+/, '');

function typedDetails(context: ToolContext): { references: string[]; email: string | null } {
  const references = [context.state.pendingReference, extractOrderReference(context.shopperText)].filter((r): r is string => Boolean(r));
  return { references, email: context.state.pendingEmail ?? extractEmail(context.shopperText) };
}
const modelView = ({ record, stale }: AccessibleOrder) => ({ order: record.view, stale });

/**
 * Tools for one conversation. Each reaches only what the conversation's grants reach (deps), takes
 * zod-checked arguments, and hands the model the shopper-safe view only; cards come from the same data.
 */
export function buildAgentTools(deps: AgentDeps, context: ToolContext) {
  const handlers: Record<ToolName, (args: never) => Promise<ToolResult>> = {
    verify_order: async (args: z.infer<typeof schemas.verify_order>) => {
      // Only what the shopper typed can be verified: a hijacked model cannot walk guessed numbers or emails.
      const typed = typedDetails(context);
      const ref = args.order_number ? (typed.references.find((r) => digitsOf(r) === digitsOf(args.order_number!)) ?? null) : (typed.references[0] ?? null);
      const given = args.email && !args.email.includes('*') ? normalizeEmail(args.email) : null;
      const email = given === null ? typed.email : given.ok && given.email === typed.email ? typed.email : null;
      if (!ref || !email) {
        const missing = !ref ? 'order_number' : 'email';
        return {
          content: json({ verified: false, missing, message: `Ask the shopper to type their ${missing === 'email' ? 'email address' : 'order number'}.` }),
          cards: [],
        };
      }
      const outcome = await deps.verify(ref, email);
      context.state = { ...context.state, pendingReference: null, pendingEmail: null };
      if (!outcome.ok) return { content: json({ verified: false, message: outcome.message }), cards: [] };
      context.state = { ...context.state, activeOrderId: outcome.record.orderId };
      return { content: json({ verified: true, ...modelView(outcome) }), cards: [orderCard(outcome, deps.now(), deps.shop.timeZone, context.state.locale)] };
    },
    get_order_status: async (args: z.infer<typeof schemas.get_order_status>) => {
      const target = args.order ?? context.state.activeOrderId;
      const found = target ? await deps.getOrder(target) : null;
      if (!found?.ok) {
        const message =
          found?.reason === 'unavailable'
            ? 'The order system is not answering; try again later.'
            : 'Not available: this conversation has not verified that order. Ask for the order number and email, then call verify_order.';
        return { content: json({ error: found?.reason ?? 'no_access', message }), cards: [] };
      }
      context.state = { ...context.state, activeOrderId: found.record.orderId };
      return { content: json(modelView(found)), cards: [orderCard(found, deps.now(), deps.shop.timeZone, context.state.locale)] };
    },
    list_orders: async () => {
      const orders = await deps.listOrders();
      const content = json({
        orders: orders.map(({ record }) => ({
          orderId: record.orderId,
          orderName: record.orderName,
          status: record.view.status,
          headline: record.view.headline,
        })),
      });
      return { content, cards: orders.length > 1 ? [orderChoicesCard(orders, context.state.locale)] : [] };
    },
    send_magic_link: async () => {
      // Only an address the shopper typed: a hijacked model cannot mail links to addresses of its choosing.
      const email = typedDetails(context).email;
      if (!email)
        return {
          content: json({ sent: false, missing: 'email', message: 'Ask the shopper to type the email address they used for their orders.' }),
          cards: [],
        };
      const sent = await deps.requestMagicLink(email);
      context.state = { ...context.state, pendingEmail: null };
      return { content: json({ status: sent.status, message: sent.message }), cards: [] };
    },
    request_human: async (args: z.infer<typeof schemas.request_human>) => {
      if (context.state.handoffReference)
        return { content: json({ alreadyRequested: true, reference: context.state.handoffReference, replyWithin: deps.shop.handoffEta }), cards: [] };
      if (!deps.shop.handoffAvailable)
        return { content: json({ available: false, message: chatPhrases(context.state.locale).handoffUnavailable(deps.shop.name) }), cards: [] };
      const active = context.state.activeOrderId ? await deps.getOrder(context.state.activeOrderId) : null;
      const orderId = active?.ok ? active.record.orderId : null;
      const contactEmail = orderId ? null : typedDetails(context).email;
      if (!orderId && !contactEmail) {
        const message =
          'Ask the shopper for the email address the team should reply to and what their question is; then call request_human with the question as reason.';
        return { content: json({ requested: false, missing: 'email', message }), cards: [] };
      }
      const handoff = await deps.requestHuman({
        reason: redactEmails(args.reason || context.shopperText).slice(0, 1000),
        contactEmail,
        orderId,
        locale: context.state.locale,
      });
      if (!handoff.emailed)
        return { content: json({ requested: false, message: chatPhrases(context.state.locale).handoffNotSent(deps.shop.name) }), cards: [] };
      context.state = { ...context.state, handoffReference: handoff.reference, handoffStep: null };
      return {
        content: json({
          requested: true,
          reference: handoff.reference,
          replyWithin: deps.shop.handoffEta,
          replyTo: orderId ? 'the email on the order' : 'the email the shopper typed',
        }),
        cards: [
          { type: 'handoff', reference: handoff.reference, message: chatPhrases(context.state.locale).handoffCard(deps.shop.name, deps.shop.handoffEta) },
        ],
      };
    },
  };

  return {
    definitions: agentToolDefinitions(deps.shop.orderExample ?? '#1001'),
    async execute(name: string, rawArguments: string): Promise<ToolResult> {
      if (!(name in schemas)) return { content: json({ error: 'unknown_tool' }), cards: [] };
      let parsedJson: unknown;
      try {
        parsedJson = rawArguments.trim() === '' ? {} : JSON.parse(rawArguments);
      } catch {
        return { content: json({ error: 'invalid_arguments' }), cards: [] };
      }
      const parsed = schemas[name as ToolName].safeParse(parsedJson);
      if (!parsed.success) return { content: json({ error: 'invalid_arguments' }), cards: [] };
      return (handlers[name as ToolName] as (args: unknown) => Promise<ToolResult>)(parsed.data);
    },
  };
}
