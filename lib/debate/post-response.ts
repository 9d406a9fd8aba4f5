// Posting a response (a pro/con tree of any depth): one transaction that checks the claim and the
// parent, screens the text (lib/policy/word-filter.ts), stores it, makes the author follow it, notifies
// followers, queues the mail to the parent's author and announces it on the live channel. Counts and standings follow by trigger (decision 010).
import { getDb } from "@/lib/db/client";
import type { SessionUser } from "@/lib/accounts/users";
import { postingBlockedReason } from "@/lib/auth/sanction-message";
import { AppError } from "@/lib/errors";
import { enforceRateLimit } from "@/lib/platform/rate-limit";
import { getSettings } from "@/lib/platform/settings";
import { canPost } from "@/lib/policy";
import type { PostResponseInput } from "./schemas";
import { screenText } from "@/lib/policy/word-filter";
import { Prisma } from "@/lib/generated/prisma/client";
import { announce } from "@/lib/live/publish";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { debatableResponse, liveClaim, notifyFollowers } from "./debate-targets";
import { screenedText, writeSources } from "./response-sources";

/** A response as stored: its input, and who wrote it. */
export type NewResponse = Omit<PostResponseInput, "submissionKey"> & {
  authorId: string;
  /** Idempotency key from the author's browser; see Response.submissionKey. */
  submissionKey?: string | null;
  /** Mail the author of the parent response (people posting; not imports or seeded data). */
  mailParentAuthor?: boolean;
};

const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;

/**
 * The command every transport calls (the claim page's server action, the public API): posts `author`'s
 * response under the posting limits. A repeated submission (same key) answers with the response it
 * made, marked `repeated`, and counts against no limit.
 */
export async function postResponse(author: SessionUser, input: PostResponseInput) {
  if (!canPost(author)) throw new AppError("forbidden", postingBlockedReason(author) ?? "Your account cannot post right now.");
  if (input.submissionKey) {
    const existing = await findSubmittedResponse(author.id, input.submissionKey);
    if (existing) return { ...existing, repeated: true };
  }
  await enforcePostingLimits(author);
  return { ...(await createResponse({ ...input, authorId: author.id, mailParentAuthor: true })), repeated: false };
}

/** The limits on posting a response, counted for `author` (also for a claim's first argument, ./raise-claim.ts). */
export async function enforcePostingLimits(author: SessionUser) {
  const settings = await getSettings();
  if (Date.now() - author.createdAt.getTime() < DAY) {
    // New accounts post slowly until they are a day old: the cheapest brake on throwaway spam.
    await enforceRateLimit(`response-new:30s:${author.id}`, { limit: settings.newAccountResponsesPer30s, windowMs: 30 * 1000 }, "posting");
    await enforceRateLimit(`response-new:day:${author.id}`, { limit: settings.newAccountResponsesPerDay, windowMs: DAY }, "posting");
  }
  await enforceRateLimit(`response:user:${author.id}`, { limit: settings.responsesPer10Minutes, windowMs: 10 * MINUTE }, "posting");
}

/** The response this author already created with this submission key, if any. */
export async function findSubmittedResponse(authorId: string, submissionKey: string) {
  return getDb().response.findUnique({ where: { authorId_submissionKey: { authorId, submissionKey } }, select: { id: true, hiddenAt: true, createdAt: true } });
}

/**
 * The write without limits or the posting policy: for imports, seeding demo and benchmark data, and
 * tests that set up a debate. People's responses go through postResponse.
 */
export async function createResponse(input: NewResponse) {
  try {
    return await insertResponse(input);
  } catch (error) {
    // The same submission again (at once or later): the unique key let only one in; answer with that one.
    const duplicate = error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
    if (duplicate && input.submissionKey) {
      const existing = await findSubmittedResponse(input.authorId, input.submissionKey);
      if (existing) return existing;
    }
    throw error;
  }
}

async function insertResponse(input: NewResponse) {
  return getDb().$transaction((tx) => writeResponse(tx, input));
}

/** The response's rows, its follow, notices and mail, inside the caller's transaction. */
export async function writeResponse(tx: Prisma.TransactionClient, input: NewResponse) {
  const claim = await liveClaim(tx, input.claimId);
  if (claim.locked) throw new AppError("conflict", "This debate is locked: no new responses.");
  if (input.parentId) await debatableResponse(tx, input.parentId, input.authorId, { claimId: input.claimId });
  const { hold } = await screenText(tx, screenedText(input.body, input.sources));
  const response = await tx.response.create({
    data: {
      claimId: input.claimId,
      parentId: input.parentId,
      stance: input.stance,
      body: input.body,
      authorId: input.authorId,
      submissionKey: input.submissionKey ?? null,
      hiddenAt: hold ? new Date() : null,
    },
    select: { id: true, hiddenAt: true, createdAt: true },
  });
  if (input.sources?.length) await writeSources(tx, response.id, input.sources);
  await tx.follow.create({ data: { userId: input.authorId, responseId: response.id } });
  await notifyFollowers(tx, {
    responseId: response.id,
    followed: input.parentId ? { responseId: input.parentId } : { claimId: input.claimId },
    actorId: input.authorId,
  });
  await announce(tx, { type: "response", claimId: input.claimId, articleId: claim.articleId, responseId: response.id });
  // A reply held for review is not mailed: readers cannot see it, and the mail would show it.
  if (input.mailParentAuthor && input.parentId && !hold) await enqueueJob(tx, "send_mail", { kind: "reply", responseId: response.id });
  return response;
}
