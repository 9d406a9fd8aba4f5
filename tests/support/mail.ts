// Reading a parsed mail (mailparser) as a person or a mail client would: its links and its headers.
import type { ParsedMail } from "mailparser";

/** The first link in a message's text part that starts with `path` on the site. */
export function linkIn(mail: ParsedMail, path: string): string {
  const match = new RegExp(`https?://[^\\s]+${path.replace(/[?/]/g, "\\$&")}[^\\s]*`).exec(mail.text ?? "");
  if (!match) throw new Error(`no ${path} link in: ${mail.text}`);
  return match[0];
}

export function tokenOf(link: string): string {
  return new URL(link).searchParams.get("token") ?? "";
}

/** A header's value as sent (mailparser folds List-* headers into a structure of its own). */
export function rawHeader(mail: ParsedMail, name: string): string | undefined {
  const line = mail.headerLines.find((header) => header.key === name.toLowerCase())?.line;
  return line?.slice(line.indexOf(":") + 1).trim();
}
