// The send_mail job (decision 019): turns a queued mail into a message and hands it to the mailer.
// A refusal the server will repeat (5xx) marks the address and stops; anything else throws, and the job
// queue tries again later with backoff, so a mail server that is down loses nothing. Mail about debates
// goes only to confirmed addresses of accounts that still exist and asked for it.
import { getDb } from "@/lib/db/client";
import { appUrl } from "@/lib/env";
import { issueEmailToken, withdrawEmailToken } from "@/lib/accounts/email-tokens";
import { normaliseEmail } from "@/lib/accounts/normalise-email";
import { digestItems } from "@/lib/accounts/digests";
import { visibleClaimWhere, visibleResponseWhere } from "@/lib/debate/visibility";
import { composeMail } from "./compose";
import { isPermanentRefusal, type Mailer, type MailMessage } from "./mailer";
import type { MailJob } from "./mail-jobs";
import { unsubscribeUrl } from "./unsubscribe";

export interface Attempt {
  number: number;
  max: number;
}

/** What a job did: sent, nothing to send (and why), or the address refused for good. */
export type MailOutcome = { sent: true } | { sent: false; reason: string };

export async function sendMailJob(job: MailJob, mailer: Mailer, attempt: Attempt = { number: 1, max: 1 }): Promise<MailOutcome> {
  const prepared = await prepare(job);
  if ("reason" in prepared) return { sent: false, reason: prepared.reason };
  try {
    await mailer.send(prepared.message);
    return { sent: true };
  } catch (error) {
    await prepared.discard?.();
    const lastTry = attempt.number >= attempt.max;
    if (isPermanentRefusal(error) || lastTry) {
      if (prepared.userId) await getDb().user.updateMany({ where: { id: prepared.userId }, data: { mailUndeliverableAt: new Date() } });
      console.error(`arguably: mail to ${prepared.message.to} refused: ${(error as Error).message}`);
      if (isPermanentRefusal(error)) return { sent: false, reason: "refused" };
    }
    throw error;
  }
}

interface Prepared {
  message: MailMessage;
  /** The account the mail belongs to, marked when its address refuses mail. */
  userId?: string;
  /** Undoes what making the message did (a token) when it could not be sent. */
  discard?: () => Promise<void>;
}

type Preparation = Prepared | { reason: string };

async function prepare(job: MailJob): Promise<Preparation> {
  switch (job.kind) {
    case "password_reset":
      return passwordReset(job.email);
    case "verify_email":
      return verifyEmail(job.userId);
    case "confirm_new_email":
      return confirmNewEmail(job.userId, job.newEmail);
    case "email_change_notice":
      return emailChangeNotice(job.userId, job.oldEmail, job.newEmail);
    case "reply":
      return replyNotice(job.responseId);
    case "digest":
      return digest(job.userId, new Date(job.from), new Date(job.until));
    case "submission_decided":
      return submissionDecided(job.submissionId);
  }
}

const liveAccount = { deletedAt: null } as const;

async function withToken(
  input: { userId: string; purpose: "password_reset" | "verify_email" | "change_email"; email: string },
  build: (url: string) => MailMessage,
  path: string,
): Promise<Prepared> {
  const token = await getDb().$transaction((tx) => issueEmailToken(tx, input));
  return {
    message: build(`${appUrl()}${path}?token=${token}`),
    userId: input.userId,
    discard: () => withdrawEmailToken(getDb(), token),
  };
}

async function passwordReset(email: string): Promise<Preparation> {
  const user = await getDb().user.findFirst({ where: { email: normaliseEmail(email), ...liveAccount }, select: { id: true, name: true, email: true } });
  // The request got the same answer either way; only the worker knows there is nobody to mail.
  if (!user) return { reason: "no account" };
  return withToken(
    { userId: user.id, purpose: "password_reset", email: user.email },
    (url) =>
      composeMail({
        to: user.email,
        subject: "Choose a new password",
        greeting: `Hello ${user.name},`,
        paragraphs: [
          "Someone, probably you, asked to choose a new password for your Arguably account.",
          "The link works once, for one hour. Using it signs you out everywhere else.",
        ],
        action: { label: "Choose a new password", url },
        footer: ["If you did not ask for this, ignore this mail: your password stays as it is."],
      }),
    "/reset-password",
  );
}

async function verifyEmail(userId: string): Promise<Preparation> {
  const user = await getDb().user.findFirst({ where: { id: userId, ...liveAccount }, select: { id: true, name: true, email: true, emailVerified: true } });
  if (!user) return { reason: "no account" };
  if (user.emailVerified) return { reason: "already verified" };
  return withToken(
    { userId: user.id, purpose: "verify_email", email: user.email },
    (url) =>
      composeMail({
        to: user.email,
        subject: "Confirm your email address",
        greeting: `Welcome to Arguably, ${user.name}.`,
        paragraphs: ["Confirm that this is your address, so you can get a new password if you forget yours and mail about the debates you follow."],
        action: { label: "Confirm my address", url },
        footer: ["The link works for 7 days. If you did not create an account, ignore this mail."],
      }),
    "/verify-email",
  );
}

async function confirmNewEmail(userId: string, newEmail: string): Promise<Preparation> {
  const user = await getDb().user.findFirst({ where: { id: userId, ...liveAccount }, select: { id: true, name: true } });
  if (!user) return { reason: "no account" };
  return withToken(
    { userId: user.id, purpose: "change_email", email: newEmail },
    (url) =>
      composeMail({
        to: newEmail,
        subject: "Confirm your new email address",
        greeting: `Hello ${user.name},`,
        paragraphs: ["You asked to use this address for your Arguably account. Your account keeps its old address until you confirm."],
        action: { label: "Use this address", url },
        footer: ["The link works for 24 hours. If you did not ask for this, ignore this mail."],
      }),
    "/verify-email",
  );
}

async function emailChangeNotice(userId: string, oldEmail: string, newEmail: string): Promise<Preparation> {
  const user = await getDb().user.findFirst({ where: { id: userId, ...liveAccount }, select: { id: true, name: true } });
  if (!user) return { reason: "no account" };
  return {
    userId,
    message: composeMail({
      to: oldEmail,
      subject: "Your email address is being changed",
      greeting: `Hello ${user.name},`,
      paragraphs: [
        `Someone signed in to your Arguably account asked to change its email address to ${newEmail}. The change happens when that address confirms it.`,
        "If this was not you, change your password now: it signs out every other session.",
      ],
      action: { label: "Open your settings", url: `${appUrl()}/settings` },
      footer: ["You get this mail because it concerns your account's security."],
    }),
  };
}

/** The reader who submitted an article learns that it is published (with its link) or declined (with the reason). */
async function submissionDecided(submissionId: string): Promise<Preparation> {
  const submission = await getDb().submission.findUnique({
    where: { id: submissionId },
    select: {
      url: true,
      state: true,
      reason: true,
      article: { select: { slug: true, title: true, status: true } },
      submitter: { select: { id: true, name: true, email: true, emailVerified: true, deletedAt: true, mailUndeliverableAt: true } },
    },
  });
  const person = submission?.submitter;
  if (!submission || !person || person.deletedAt || !person.emailVerified || person.mailUndeliverableAt) return { reason: "not wanted" };
  const published = submission.state === "published" && submission.article?.status === "published";
  if (!published && submission.state !== "declined") return { reason: "not decided" };
  return {
    userId: person.id,
    message: composeMail({
      to: person.email,
      subject: published ? `Published: ${excerpt(submission.article!.title, 80)}` : "An editor declined the article you submitted",
      greeting: `Hello ${person.name},`,
      paragraphs: published
        ? [`The article you brought is published, with its claims marked: readers can argue it now.`, `“${submission.article!.title}”`]
        : [`An editor declined the article you submitted (${excerpt(submission.url, 200)}).`, `Their reason: “${submission.reason ?? "none given"}”`],
      action: published
        ? { label: "Read and argue it", url: `${appUrl()}/articles/${submission.article!.slug}` }
        : { label: "Your submissions", url: `${appUrl()}/submissions` },
      footer: ["You get this mail because you submitted this article to Arguably."],
    }),
  };
}

async function replyNotice(responseId: string): Promise<Preparation> {
  const reply = await getDb().response.findFirst({
    where: { id: responseId, ...visibleResponseWhere(null), deletedAt: null, claim: visibleClaimWhere(null) },
    select: {
      body: true,
      stance: true,
      authorId: true,
      author: { select: { name: true } },
      claim: { select: { text: true } },
      parent: {
        select: {
          body: true,
          author: { select: { id: true, name: true, email: true, replyMail: true, emailVerified: true, deletedAt: true, mailUndeliverableAt: true } },
        },
      },
    },
  });
  const recipient = reply?.parent?.author;
  if (!reply || !recipient) return { reason: "not visible" };
  if (recipient.id === reply.authorId) return { reason: "own reply" };
  if (recipient.replyMail !== "immediate" || !recipient.emailVerified || recipient.deletedAt || recipient.mailUndeliverableAt) {
    return { reason: "not wanted" };
  }
  return {
    userId: recipient.id,
    message: composeMail({
      to: recipient.email,
      subject: `${reply.author.name} ${reply.stance === "support" ? "supported" : "opposed"} your response`,
      greeting: `Hello ${recipient.name},`,
      paragraphs: [
        `${reply.author.name} answered your response on "${excerpt(reply.claim.text, 120)}":`,
        `“${excerpt(reply.body, 600)}”`,
        `You wrote: “${excerpt(reply.parent!.body, 200)}”`,
      ],
      action: { label: "Read and answer", url: `${appUrl()}/responses/${responseId}` },
      footer: ["You get this mail because someone replied to your response. Choose which mail you get in your settings."],
      unsubscribeUrl: unsubscribeUrl(recipient.id, "reply"),
    }),
  };
}

async function digest(userId: string, from: Date, until: Date): Promise<Preparation> {
  const user = await getDb().user.findFirst({
    where: { id: userId, ...liveAccount },
    select: { id: true, name: true, email: true, emailVerified: true, digest: true, mailUndeliverableAt: true, followMail: true, replyMail: true },
  });
  if (!user || !user.emailVerified || user.digest === "off" || user.mailUndeliverableAt) return { reason: "not wanted" };
  const { items, more } = await digestItems(user, from, until);
  if (items.length === 0) return { reason: "nothing new" };
  const count = items.length + more;
  return {
    userId,
    message: composeMail({
      to: user.email,
      subject: `${count} new response${count === 1 ? "" : "s"} on what you follow`,
      greeting: `Hello ${user.name},`,
      paragraphs: [
        `Here is what happened ${user.digest === "weekly" ? "this week" : "today"} on the claims and threads you follow${items.some((item) => item.replyToYou) ? ", and replies to your responses" : ""}.`,
      ],
      items: items.map((item) => ({
        title: `${item.author} ${item.stance === "support" ? "supports" : "opposes"} ${item.replyToYou ? "your response" : "“" + excerpt(item.about, 90) + "”"}`,
        body: excerpt(item.body, 300),
        url: `${appUrl()}/responses/${item.id}`,
      })),
      footer: [
        ...(more > 0 ? [`And ${more} more: open Arguably to read them all.`] : []),
        `You get this ${user.digest} digest because you follow these debates. Change how often in your settings.`,
      ],
      unsubscribeUrl: unsubscribeUrl(user.id, "digest"),
    }),
  };
}

function excerpt(text: string, max: number) {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
