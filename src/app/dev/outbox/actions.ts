'use server';

import { notFound } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { devOutboxEnabled, expireOutboxLink } from '@/server/auth/dev-outbox';
import { getServices } from '@/server/services';

/** Dev tool: expire the sign-in link of one stored mail (same guard as the page). */
export async function expireLinkAction(messageId: string): Promise<void> {
  const services = await getServices();
  if (!devOutboxEnabled(services)) notFound();
  const id = z.uuid().safeParse(messageId);
  if (id.success) await expireOutboxLink(services, id.data);
  revalidatePath('/dev/outbox');
}
