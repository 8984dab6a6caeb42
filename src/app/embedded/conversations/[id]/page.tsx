import { notFound } from 'next/navigation';
import { TranscriptBody } from '@/components/dashboard/activity-bodies';
import { EmbeddedNotice, EmbeddedShell } from '@/components/embedded/embedded-shell';
import { AppError } from '@/server/app-error';
import { loadEmbeddedPage } from '@/server/http/next-embedded-request';
import { viewTranscript } from '@/server/use-cases/dashboard/merchant-dashboard';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata = { title: 'Conversation' };

/** One chat inside Shopify admin; a conversation of another shop is simply not found. */
export default async function EmbeddedTranscriptPage({ params, searchParams }: Props) {
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const page = await loadEmbeddedPage(`/embedded/conversations/${id}`, await searchParams);
  if (page.kind === 'refused') return <EmbeddedNotice title={page.title} message={page.message} />;
  const { services, access, door } = page;
  const t = await viewTranscript(services, access, id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  });
  return (
    <EmbeddedShell title="Conversation" staff={{ name: access.staff.name, role: access.membership.role }}>
      <TranscriptBody door={door} t={t} />
    </EmbeddedShell>
  );
}
