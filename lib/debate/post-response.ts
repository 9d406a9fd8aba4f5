// Posting a response (a pro/con tree of any depth): one transaction that checks the claim and the
// parent, screens the text (lib/policy/word-filter.ts), stores it, makes the author follow it, notifies
// followers, queues the mail to the parent's author and announces it on the live channel. Counts and standings follow by trigger (decision 010).
import { getDb } from "@/lib/db/client";
import type { SessionUser } from "@/lib/accounts/users";
import { postingBlockedReason } from "@/lib/auth/sanction-message";
import { AppError } from "@/lib/errors";
import { enforceRateLimit, refundRateLimit } from "@/lib/platform/rate-limit";
import { getSettings } from "@/lib/platform/settings";
import { canPost } from "@/lib/policy";
import type { PostResponseInput } from "./schemas";
import { screenText } from "@/lib/policy/word-filter";
import { randomUUID } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import { LIVE_CHANNEL, type LiveEvent } from "@/lib/live/publish";
import type { LiveResponse } from "@/lib/live/updates";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { debatableResponse, liveClaim } from "./debate-targets";
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
 * The command every transport calls (the claim page's edge endpoint, the public API): posts `author`'s
 * response under the posting limits. A repeated submission (same key) answers with the response it
 * made, marked `repeated`, and counts against no limit. The key is checked by the insert's unique
 * index rather than a read before it: every post from the page carries one, and a read per post was
 * a round trip for the rare retry (decision 022).
 */
export async function postResponse(author: SessionUser, input: PostResponseInput) {
  if (!canPost(author)) throw new AppError("forbidden", postingBlockedReason(author) ?? "Your account cannot post right now.");
  try {
    await enforcePostingLimits(author);
  } catch (error) {
    // A retry of a post that went through is answered with it, even at the limit.
    const repeated =
      input.submissionKey && error instanceof AppError && error.code === "rate_limited" ? await findSubmittedResponse(author.id, input.submissionKey) : null;
    if (repeated) return { ...repeated, repeated: true };
    throw error;
  }
  try {
    return { ...(await insertResponse({ ...input, authorId: author.id, mailParentAuthor: true })), repeated: false };
  } catch (error) {
    const repeated = isRepeatedSubmission(error, input.submissionKey) ? await findSubmittedResponse(author.id, input.submissionKey!) : null;
    if (!repeated) throw error;
    await refundPostingLimits(author);
    return { ...repeated, repeated: true };
  }
}

/** What the page is answered after posting: the new response as it shows it, or that it is held for review. */
export interface PostedResponse {
  id: string;
  held: boolean;
  response: LiveResponse;
}

/**
 * postResponse for the claim page, through the edge's POST /api/claims/:id/responses (decision 022):
 * the new response as the page draws it, so that no page render follows a post (issue 17).
 */
export async function postResponseForPage(author: SessionUser, input: PostResponseInput): Promise<PostedResponse> {
  const { id, hiddenAt, createdAt } = await postResponse(author, input);
  const response: LiveResponse = {
    id,
    claimId: input.claimId,
    parentId: input.parentId,
    stance: input.stance,
    body: input.body,
    author: { id: author.id, name: author.name },
    createdAt: createdAt.toISOString(),
    strong: 0,
    weak: 0,
    supporters: 0,
    opposers: 0,
    strength: 0,
    sources: input.sources ?? [],
    sourceRequests: 0,
  };
  return { id, held: hiddenAt !== null, response };
}

/** The counters a response counts against: new accounts post slowly until they are a day old (the cheapest brake on throwaway spam). */
async function postingLimits(author: SessionUser) {
  const settings = await getSettings();
  const limits = [{ key: `response:user:${author.id}`, rule: { limit: settings.responsesPer10Minutes, windowMs: 10 * MINUTE } }];
  if (Date.now() - author.createdAt.getTime() < DAY) {
    limits.unshift(
      { key: `response-new:30s:${author.id}`, rule: { limit: settings.newAccountResponsesPer30s, windowMs: 30 * 1000 } },
      { key: `response-new:day:${author.id}`, rule: { limit: settings.newAccountResponsesPerDay, windowMs: DAY } },
    );
  }
  return limits;
}

/** The limits on posting a response, counted for `author` (also for a claim's first argument, ./raise-claim.ts). */
export async function enforcePostingLimits(author: SessionUser) {
  for (const { key, rule } of await postingLimits(author)) await enforceRateLimit(key, rule, "posting");
}

/** Gives back what a repeated submission counted. */
async function refundPostingLimits(author: SessionUser) {
  for (const { key, rule } of await postingLimits(author)) await refundRateLimit(key, rule);
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
    const existing = isRepeatedSubmission(error, input.submissionKey) ? await findSubmittedResponse(input.authorId, input.submissionKey!) : null;
    if (existing) return existing;
    throw error;
  }
}

/** The same submission again (at once or later): the unique key let only one in. */
function isRepeatedSubmission(error: unknown, submissionKey: string | null | undefined) {
  return Boolean(submissionKey) && error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
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
  await followNotifyAndAnnounce(tx, {
    responseId: response.id,
    authorId: input.authorId,
    followed: input.parentId ? { responseId: input.parentId } : { claimId: input.claimId },
    event: { type: "response", claimId: input.claimId, articleId: claim.articleId, responseId: response.id },
  });
  // A reply held for review is not mailed: readers cannot see it, and the mail would show it.
  if (input.mailParentAuthor && input.parentId && !hold) await enqueueJob(tx, "send_mail", { kind: "reply", responseId: response.id });
  return response;
}

/**
 * The author follows their new response, the followers of what it answers are notified, and open pages
 * hear of it (lib/live/publish.ts), in one statement: posting is the busiest write after votes, and
 * each round trip inside its transaction counted (decision 022).
 */
async function followNotifyAndAnnounce(
  tx: Prisma.TransactionClient,
  { responseId, authorId, followed, event }: { responseId: string; authorId: string; followed: { claimId: string } | { responseId: string }; event: LiveEvent },
) {
  const followers = "responseId" in followed ? Prisma.sql`f."responseId" = ${followed.responseId}` : Prisma.sql`f."claimId" = ${followed.claimId}`;
  await tx.$executeRaw`
    with followed as (
      insert into "Follow" (id, "userId", "responseId") values (${randomUUID()}, ${authorId}, ${responseId})
    ), notified as (
      insert into "Notification" (id, "userId", kind, "actorId", "responseId")
      select gen_random_uuid()::text, f."userId", 'reply'::"NotificationKind", ${authorId}, ${responseId}
      from "Follow" f where ${followers} and f."userId" <> ${authorId}
    )
    select pg_notify(${LIVE_CHANNEL}, ${JSON.stringify(event)})`;
}
