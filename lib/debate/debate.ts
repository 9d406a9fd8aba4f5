// Writing the debate on a claim: responses (a pro/con tree of any depth), their revisions, votes, follows
// and notifications (reading it: ./discussion.ts). Every write is one transaction and announces itself
// on the live channel inside that transaction, so readers hear of it exactly when it is committed.
// Counts, strengths and standings follow by themselves: database triggers keep them (decision 010).
import { getDb } from "@/lib/db/client";
import { UserFacingError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { announce } from "@/lib/live/publish";
import { claimVoteStatement, type ClaimVoteInput, type ClaimVoteOutcome } from "./claim-vote-sql";
import { canChangeResponse, canDeleteResponse, canVoteOnResponse, type Actor } from "@/lib/policy";
import { checkWordFilters } from "@/lib/moderation/moderation";
import { appearanceToParticipant, arguesForReaders, responseAppearance, type Viewer } from "@/lib/policy/visibility";
import { claimVisibleTo, responseArguesForReaders, responseStateSelect, visibleClaimWhere, visibleResponseWhere } from "./visibility";

export class DebateError extends UserFacingError {
  override name = "DebateError";
}

type Tx = Prisma.TransactionClient;

/**
 * A claim that takes part in debate: one readers see (lib/policy/visibility.ts). Anything else is "does
 * not exist", for everyone, so writes cannot tell a hidden claim from a missing one.
 */
async function liveClaim(tx: Tx, claimId: string) {
  const claim = await tx.claim.findFirst({
    where: { id: claimId, ...visibleClaimWhere(null) },
    select: { id: true, articleId: true, lockedAt: true, article: { select: { lockedAt: true } } },
  });
  if (!claim) throw new DebateError("That claim does not exist.", 404);
  return { ...claim, locked: claim.lockedAt !== null || claim.article.lockedAt !== null };
}

/**
 * A response someone wants to answer or vote on, on a claim readers see. One the actor may not see
 * is "does not exist" (404), exactly like a missing id; one they see that takes no part in debate
 * (deleted, or theirs under review) is a conflict (409) that says why.
 */
async function debatableResponse(tx: Tx, responseId: string, actorId: string, { claimId }: { claimId?: string } = {}) {
  const response = await tx.response.findFirst({
    where: { id: responseId, ...(claimId ? { claimId } : {}), claim: visibleClaimWhere(null) },
    select: { id: true, claimId: true, claim: { select: { articleId: true } }, ...responseStateSelect },
  });
  const appearance = response ? appearanceToParticipant(response, actorId) : null;
  if (!response || appearance === null) throw new DebateError("That response does not exist.", 404);
  if (appearance === "tombstone") throw new DebateError("That response was deleted.", 409);
  if (!arguesForReaders(response)) throw new DebateError("That response is under review: it takes no replies or votes for now.", 409);
  return response;
}

/** Applies the admins' word filter: a blocking match refuses the text, a reviewing one holds it. */
async function screen(tx: Tx, text: string): Promise<{ hold: boolean }> {
  const match = await checkWordFilters(tx, text);
  if (match?.mode === "block") throw new DebateError("Your response contains wording that is not allowed here. Please rephrase it.", 400);
  return { hold: match?.mode === "review" };
}

async function notifyFollowers(tx: Tx, { responseId, followed, actorId }: { responseId: string; followed: { claimId?: string; responseId?: string }; actorId: string }) {
  const followers = await tx.follow.findMany({ where: { ...followed, userId: { not: actorId } }, select: { userId: true } });
  if (followers.length) {
    await tx.notification.createMany({ data: followers.map(({ userId }) => ({ userId, kind: "reply" as const, actorId, responseId })) });
  }
}

export interface NewResponse {
  claimId: string;
  parentId: string | null;
  stance: "support" | "oppose";
  body: string;
  authorId: string;
  /** Idempotency key from the author's browser; see Response.submissionKey. */
  submissionKey?: string | null;
}

/** The response this author already created with this submission key, if any. */
export async function findSubmittedResponse(authorId: string, submissionKey: string) {
  return getDb().response.findUnique({ where: { authorId_submissionKey: { authorId, submissionKey } }, select: { id: true, hiddenAt: true } });
}

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
  return getDb().$transaction(async (tx) => {
    const claim = await liveClaim(tx, input.claimId);
    if (claim.locked) throw new DebateError("This debate is locked: no new responses.", 409);
    if (input.parentId) await debatableResponse(tx, input.parentId, input.authorId, { claimId: input.claimId });
    const { hold } = await screen(tx, input.body);
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
      select: { id: true, hiddenAt: true },
    });
    await tx.follow.create({ data: { userId: input.authorId, responseId: response.id } });
    await notifyFollowers(tx, { responseId: response.id, followed: input.parentId ? { responseId: input.parentId } : { claimId: input.claimId }, actorId: input.authorId });
    await announce(tx, { type: "response", claimId: input.claimId, articleId: claim.articleId });
    return response;
  });
}

async function ownResponse(tx: Tx, responseId: string, actor: Actor, allowed = canChangeResponse) {
  const response = await tx.response.findUnique({
    where: { id: responseId },
    select: { id: true, authorId: true, body: true, createdAt: true, editedAt: true, deletedAt: true, removedAt: true, hiddenAt: true, claimId: true, claim: { select: { articleId: true } } },
  });
  if (!response) throw new DebateError("That response does not exist.", 404);
  if (!allowed(actor, response)) {
    throw new DebateError(response.authorId === actor.id ? "Your account cannot change responses right now." : "Only its author can change a response.", 403);
  }
  if (response.deletedAt) throw new DebateError("That response was deleted.", 409);
  if (response.removedAt) throw new DebateError("A moderator removed that response; it can no longer be changed.", 409);
  return response;
}

/**
 * Replaces a response's text, keeping the old text as a revision. `seenEditedAt` is the edit the author
 * started from: if someone (another tab) edited since, this edit is refused rather than lost silently.
 */
export async function editResponse(input: { responseId: string; actor: Actor; body: string; seenEditedAt: string | null }) {
  return getDb().$transaction(async (tx) => {
    const response = await ownResponse(tx, input.responseId, input.actor);
    if ((response.editedAt?.toISOString() ?? null) !== input.seenEditedAt) {
      throw new DebateError("This response was edited elsewhere in the meantime. Copy your text, reload, and edit again.", 409);
    }
    const { hold } = await screen(tx, input.body);
    await tx.responseRevision.create({ data: { responseId: response.id, body: response.body, createdAt: response.editedAt ?? response.createdAt } });
    // An edit of a hidden response goes back to review; an edit that trips a review filter is held.
    const updated = await tx.response.updateMany({
      where: { id: response.id, editedAt: response.editedAt },
      data: { body: input.body, editedAt: new Date(), ...(hold ? { hiddenAt: new Date() } : {}) },
    });
    if (updated.count !== 1) throw new DebateError("This response was edited elsewhere in the meantime. Copy your text, reload, and edit again.", 409);
    await announce(tx, { type: "response", claimId: response.claimId, articleId: response.claim.articleId });
  });
}

/** Soft delete: the response keeps its place (its replies stay), its text and earlier texts go. */
export async function deleteResponse(input: { responseId: string; actor: Actor }) {
  return getDb().$transaction(async (tx) => {
    const response = await ownResponse(tx, input.responseId, input.actor, canDeleteResponse);
    await tx.responseRevision.deleteMany({ where: { responseId: response.id } });
    await tx.response.update({ where: { id: response.id }, data: { deletedAt: new Date(), body: "" } });
    await announce(tx, { type: "response", claimId: response.claimId, articleId: response.claim.articleId });
  });
}

/** A response's current text and earlier ones, if the viewer may see it (lib/policy/visibility.ts). */
export async function getRevisions(responseId: string, viewer: Viewer) {
  const response = await getDb().response.findFirst({
    where: { id: responseId, ...visibleResponseWhere(viewer) },
    select: {
      id: true,
      body: true,
      editedAt: true,
      createdAt: true,
      claimId: true,
      ...responseStateSelect,
      author: { select: { name: true } },
      revisions: { orderBy: { createdAt: "desc" }, select: { id: true, body: true, createdAt: true } },
    },
  });
  if (!response) return null;
  const appearance = responseAppearance(response, viewer);
  const tombstone = appearance === "tombstone";
  return {
    id: response.id,
    claimId: response.claimId,
    appearance,
    authorName: tombstone ? null : response.author.name,
    body: tombstone ? "" : response.body,
    editedAt: response.editedAt,
    revisions: tombstone ? [] : response.revisions,
  };
}

/** Stores, changes or clears a person's vote on a claim: one statement (./claim-vote-sql.ts). */
export async function voteOnClaim(input: ClaimVoteInput) {
  const { text, values } = claimVoteStatement(input);
  const [outcome] = await getDb().$queryRawUnsafe<ClaimVoteOutcome[]>(text, ...values);
  if (!outcome?.found) throw new DebateError("That claim does not exist.", 404);
}

export async function voteOnResponse(input: { responseId: string; actor: Actor; value: "strong" | "weak" | null }) {
  const userId = input.actor.id;
  return getDb().$transaction(async (tx) => {
    const response = await debatableResponse(tx, input.responseId, userId);
    if (!canVoteOnResponse(input.actor, response)) throw new DebateError("You cannot vote on your own response.", 403);
    const key = { responseId_userId: { responseId: input.responseId, userId } };
    if (input.value === null) {
      await tx.responseVote.deleteMany({ where: { responseId: input.responseId, userId } });
    } else {
      const existing = await tx.responseVote.findUnique({ where: key, select: { value: true } });
      await tx.responseVote.upsert({ where: key, create: { responseId: input.responseId, userId, value: input.value }, update: { value: input.value } });
      if (!existing) {
        await tx.notification.create({ data: { userId: response.authorId, kind: "vote", actorId: userId, responseId: input.responseId } });
      }
    }
    await announce(tx, { type: "vote", claimId: response.claimId, articleId: response.claim.articleId });
  });
}

/** Follows (or stops following) a claim or a response; only what readers see can be followed. */
export async function setFollow(input: { userId: string; claimId?: string; responseId?: string; follow: boolean }) {
  const target = input.claimId ? { claimId: input.claimId } : { responseId: input.responseId };
  if (!input.follow) {
    await getDb().follow.deleteMany({ where: { userId: input.userId, ...target } });
    return;
  }
  const followable = input.claimId ? await claimVisibleTo(input.claimId, null) : await responseArguesForReaders(input.responseId!);
  if (!followable) throw new DebateError("There is nothing to follow there.", 404);
  try {
    await getDb().follow.create({ data: { userId: input.userId, ...target } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return; // already following
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2003") throw new DebateError("There is nothing to follow there.", 404);
    throw error;
  }
}

/** The viewer's notifications about responses they may still see (one gone from view goes from here too). */
export async function listNotifications(viewer: Actor) {
  const rows = await getDb().notification.findMany({
    where: { userId: viewer.id, response: visibleResponseWhere(viewer) },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: {
      id: true,
      kind: true,
      createdAt: true,
      readAt: true,
      actor: { select: { name: true } },
      response: { select: { id: true, claimId: true, body: true, deletedAt: true } },
    },
  });
  return rows.map((row) => ({ ...row, response: { ...row.response, body: row.response.deletedAt ? "" : row.response.body } }));
}

export async function countUnreadNotifications(viewer: Actor) {
  return getDb().notification.count({ where: { userId: viewer.id, readAt: null, response: visibleResponseWhere(viewer) } });
}

export async function markNotificationsRead(userId: string) {
  await getDb().notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } });
}

/**
 * A person's profile: the claims they raised and the responses of theirs the viewer may see, newest
 * first, and totals over those.
 */
export async function getProfile(userId: string, viewer: Viewer) {
  const user = await getDb().user.findUnique({ where: { id: userId }, select: { id: true, name: true, createdAt: true } });
  if (!user) return null;
  // Their own words: a deleted response ("[deleted]") is not theirs to list any more.
  const theirs: Prisma.ResponseWhereInput = { authorId: userId, deletedAt: null, ...visibleResponseWhere(viewer) };
  const raised: Prisma.ClaimWhereInput = { raisedById: userId, ...visibleClaimWhere(viewer) };
  const [rows, count, votes, claims, claimCount] = await Promise.all([
    getDb().response.findMany({
      where: theirs,
      orderBy: { createdAt: "desc" },
      take: 100,
      select: {
        id: true,
        stance: true,
        body: true,
        createdAt: true,
        ...responseStateSelect,
        claim: { select: { id: true, text: true, article: { select: { title: true } } } },
      },
    }),
    getDb().response.count({ where: theirs }),
    getDb().responseVote.groupBy({ by: ["value"], where: { response: theirs }, _count: { _all: true } }),
    getDb().claim.findMany({
      where: raised,
      orderBy: { createdAt: "desc" },
      take: 50,
      select: { id: true, text: true, createdAt: true, responseCount: true, article: { select: { title: true } } },
    }),
    getDb().claim.count({ where: raised }),
  ]);
  const tally = (value: "strong" | "weak") => votes.find((row) => row.value === value)?._count._all ?? 0;
  const responses = rows.map((row) => ({
    id: row.id,
    stance: row.stance,
    body: row.body,
    createdAt: row.createdAt,
    claim: row.claim,
    replies: row.supporters + row.opposers,
    withheld: responseAppearance(row, viewer) === "withheld",
  }));
  return { user, responses, claims, totals: { responses: count, claims: claimCount, strong: tally("strong"), weak: tally("weak") } };
}
