// The e2e server's mail: it runs without SMTP_URL, like `npm start`, so every message is an .eml file in
// its outbox (lib/mail/mailer.ts), parsed here with mailparser as a mail client would.
import fs from "node:fs/promises";
import path from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";
import { inject } from "vitest";

export const mailOutbox = inject("appMailOutbox");

async function readAll(): Promise<ParsedMail[]> {
  const names = await fs.readdir(mailOutbox).catch(() => [] as string[]);
  return Promise.all(names.filter((name) => name.endsWith(".eml")).map(async (name) => simpleParser(await fs.readFile(path.join(mailOutbox, name)))));
}

const recipient = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address?.toLowerCase();

/** Waits (up to `timeoutMs`) for a message to `to` whose subject starts with `subject`. */
export async function waitForMail(to: string, subject: string, timeoutMs = 20_000): Promise<ParsedMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await readAll()).find((mail) => recipient(mail) === to.toLowerCase() && mail.subject?.startsWith(subject));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no mail "${subject}…" to ${to} in ${mailOutbox} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
