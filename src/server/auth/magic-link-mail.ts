import { DEFAULT_LOCALE, type Locale } from '@/domain/i18n/locales';
import { translator, yesNo } from '@/domain/i18n/messages';
import type { OutgoingMail } from '../mail/mailer';

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

/**
 * The sign-in mail in the shopper's language (subject and body): plain text first (many shoppers read mail as
 * text), a minimal HTML twin with one button.
 */
export function composeMagicLinkMail(input: { to: string; url: string; shopName: string | null; locale?: Locale }): OutgoingMail {
  const locale = input.locale ?? DEFAULT_LOCALE;
  const t = translator(locale, 'email');
  const shop = { named: yesNo(input.shopName), shop: input.shopName ?? '' };
  const subject = t('magicLink.subject', shop);
  const [greeting, intro, button, footer] = [t('magicLink.greeting'), t('magicLink.intro', shop), t('magicLink.button'), t('magicLink.footer')];
  const text = [greeting, ``, intro, ``, input.url, ``, footer].join('\n');
  const html = `<!doctype html><html lang="${escapeHtml(locale)}"><body style="font-family:system-ui,sans-serif;color:#0f172a">
<p>${escapeHtml(greeting)}</p>
<p>${escapeHtml(intro)}</p>
<p><a href="${escapeHtml(input.url)}" style="display:inline-block;padding:12px 20px;background:#1d4ed8;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(button)}</a></p>
<p style="color:#475569">${escapeHtml(footer)}</p>
</body></html>`;
  return { to: input.to, subject, text, html, purpose: 'magic_link' };
}
