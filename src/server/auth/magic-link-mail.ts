import type { OutgoingMail } from '../mail/mailer';

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

/** The sign-in mail: plain text first (many shoppers read mail as text), a minimal HTML twin with one button. */
export function composeMagicLinkMail(input: { to: string; url: string; shopName: string | null }): OutgoingMail {
  const where = input.shopName ? `your orders at ${input.shopName}` : 'your orders';
  const subject = input.shopName ? `Your sign-in link for ${input.shopName}` : 'Your sign-in link';
  const text = [
    `Hello,`,
    ``,
    `Open this link to see ${where}:`,
    ``,
    input.url,
    ``,
    `The link works once and expires in 1 hour. If you did not ask for it, ignore this email: nobody can sign in without it.`,
  ].join('\n');
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#0f172a">
<p>Hello,</p>
<p>Open this link to see ${escapeHtml(where)}:</p>
<p><a href="${escapeHtml(input.url)}" style="display:inline-block;padding:12px 20px;background:#1d4ed8;color:#fff;border-radius:6px;text-decoration:none">See my orders</a></p>
<p style="color:#475569">The link works once and expires in 1 hour. If you did not ask for it, ignore this email: nobody can sign in without it.</p>
</body></html>`;
  return { to: input.to, subject, text, html, purpose: 'magic_link' };
}
