// One layout for every mail: the same words as plain text and as simple HTML (escaped), signed with the
// site's name, with the action as a link that also works when copied from the text part.
import type { MailMessage } from "./mailer";

export const SITE_NAME = "Arguably";

export interface MailContent {
  to: string;
  subject: string;
  greeting: string;
  /** Paragraphs of plain text. */
  paragraphs: string[];
  action?: { label: string; url: string };
  /** Listed items (a digest's responses), each with a link. */
  items?: { title: string; body: string; url: string }[];
  /** Small print under the message (why you got it, how to stop it). */
  footer: string[];
  unsubscribeUrl?: string;
}

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

export function composeMail(content: MailContent): MailMessage {
  const text = [
    content.greeting,
    "",
    ...content.paragraphs.flatMap((paragraph) => [paragraph, ""]),
    ...(content.action ? [`${content.action.label}: ${content.action.url}`, ""] : []),
    ...(content.items ?? []).flatMap((item) => [`* ${item.title}`, `  ${item.body}`, `  ${item.url}`, ""]),
    "-- ",
    SITE_NAME,
    ...content.footer,
    ...(content.unsubscribeUrl ? [`Unsubscribe: ${content.unsubscribeUrl}`] : []),
  ].join("\n");
  const paragraph = (text: string) => `<p style="margin:0 0 16px">${escapeHtml(text)}</p>`;
  const html = `<!doctype html><html><body style="font-family:Georgia,serif;color:#1c1917;max-width:560px;margin:0 auto;padding:24px">
<p style="font-size:20px;font-weight:bold;margin:0 0 24px">${SITE_NAME}</p>
${paragraph(content.greeting)}
${content.paragraphs.map(paragraph).join("\n")}
${content.action ? `<p style="margin:24px 0"><a href="${escapeHtml(content.action.url)}" style="background:#9a3412;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${escapeHtml(content.action.label)}</a></p><p style="font-size:13px;color:#57534e">Or copy this address into your browser: ${escapeHtml(content.action.url)}</p>` : ""}
${(content.items ?? []).map((item) => `<div style="border-left:3px solid #d6d3d1;padding-left:12px;margin:0 0 16px"><p style="margin:0 0 4px;font-weight:bold"><a href="${escapeHtml(item.url)}">${escapeHtml(item.title)}</a></p><p style="margin:0">${escapeHtml(item.body)}</p></div>`).join("\n")}
<hr style="border:none;border-top:1px solid #e7e5e4;margin:24px 0">
${content.footer.map((line) => `<p style="font-size:13px;color:#57534e;margin:0 0 8px">${escapeHtml(line)}</p>`).join("\n")}
${content.unsubscribeUrl ? `<p style="font-size:13px;margin:0"><a href="${escapeHtml(content.unsubscribeUrl)}">Unsubscribe</a></p>` : ""}
</body></html>`;
  return {
    to: content.to,
    subject: `${content.subject} · ${SITE_NAME}`,
    text,
    html,
    unsubscribeUrl: content.unsubscribeUrl,
    link: content.action?.url ?? content.unsubscribeUrl,
  };
}
