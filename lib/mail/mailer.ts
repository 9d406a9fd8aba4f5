// Where Arguably's mail goes: an SMTP server (SMTP_URL), or, with none configured, an outbox of .eml
// files under DATA_DIR that a newcomer can open (each one is announced on the console with its link).
// Both compose the message with nodemailer, so the outbox holds exactly what SMTP would have carried.
import fs from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import { mailFrom, mailOutboxDir, serverEnv } from "@/lib/env";
import { oneClickUrl } from "./unsubscribe";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Non-transactional mail: the page that unsubscribes (shown in the mail; its query also signs the one-click POST). */
  unsubscribeUrl?: string;
  /** The link the message is about, printed on the console by the outbox. */
  link?: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/** The headers and parts every message carries, whichever way it is sent. */
export function envelopeOf(message: MailMessage, from: string): nodemailer.SendMailOptions {
  return {
    from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    headers: message.unsubscribeUrl ? { "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" } : undefined,
    // RFC 8058: mail clients POST "List-Unsubscribe=One-Click" to this address, with no page in between.
    list: message.unsubscribeUrl ? { unsubscribe: oneClickUrl(message.unsubscribeUrl) } : undefined,
  };
}

export function smtpMailer(url: string, from = mailFrom()): Mailer {
  // Short timeouts: a mail server that hangs fails the job, which the queue retries later.
  const transport = nodemailer.createTransport({
    url,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  } as SMTPTransport.Options);
  return {
    async send(message) {
      await transport.sendMail(envelopeOf(message, from));
    },
    close: () => transport.close(),
  };
}

export function outboxMailer(dir = mailOutboxDir(), from = mailFrom(), log: (line: string) => void = (line) => console.log(line)): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    async send(message) {
      const info = await transport.sendMail(envelopeOf(message, from));
      await fs.mkdir(dir, { recursive: true });
      const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, "-")}-${Math.random().toString(36).slice(2, 8)}.eml`);
      await fs.writeFile(file, info.message as Buffer, { mode: 0o600 });
      log(`arguably: mail to ${message.to}: "${message.subject}" written to ${path.relative(process.cwd(), file)}`);
      if (message.link) log(`arguably:   link: ${message.link}`);
    },
    close: () => transport.close(),
  };
}

/** The mailer this deployment is configured for. */
export function mailerFromEnv(): Mailer {
  const url = serverEnv().SMTP_URL;
  return url ? smtpMailer(url) : outboxMailer();
}

/**
 * A refusal the mail server will give again (5xx: no such mailbox, rejected address): retrying cannot
 * help, so the address is marked instead. Anything else (no connection, 4xx "try later") is retried.
 */
export function isPermanentRefusal(error: unknown): boolean {
  const code = (error as { responseCode?: unknown })?.responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}
