// The debate on a claim: responses (a pro/con tree of any depth), their revisions, votes, follows and
// notifications. Every write is one transaction and announces itself on the live channel inside that
// transaction, so readers hear of it exactly when it is committed.
import { getDb } from "@/lib/db/client";
import { UserFacingError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { baseScore, standingOf, strength, type ArgumentNode, type Standing } from "@/lib/argument/standing";
import { compareBy, type Sort } from "@/lib/argument/ranking";
import { announce } from "@/lib/live/publish";
import { canChangeResponse, canDeleteResponse, canVoteOnResponse, type Actor } from "@/lib/policy";
import { checkWordFilters } from "./moderation";

export class DebateError extends UserFacingError {
  override name = "DebateError";
}

type Tx = Prisma.TransactionClient;

export interface ResponseView {
  id: string;
  parentId: string | null;
  stance: "support" | "oppose";
  body: string;
  deleted: boolean;
  /** Hidden pending review, or removed by a moderator: readers see a notice instead of the text. */
  hidden: boolean;
  removed: boolean;
  /** Shown to the author only. */
  removalReason: string | null;
  createdAt: Date;
  editedAt: Date | null;
  author: { id: string; name: string };
  strong: number;
  weak: number;
  viewerVote: "strong" | "weak" | null;
  /** Whether the viewer follows this response (automatic for its author). */
  following: boolean;
  supporters: number;
  opposers: number;
  replies: number;
  /** This response's own strength from its subtree, in [0, 1]. */
  strength: number;
  children: ResponseView[];
}

export interface ClaimDiscussion {
  claim: { id: string; text: string; exact: string; prefix: string; suffix: string; articleId: string; hidden: boolean; locked: boolean; duplicateOfId: string | null };
  article: { slug: string; title: string };
  agree: number;
  disagree: number;
  viewerVote: "agree" | "disagree" | null;
  following: boolean;
  standing: Standing;
  supporting: ResponseView[];
  opposing: ResponseView[];
  byId: Map<string, ResponseView>;
  total: number;
}

/** Strong/weak counts per response, from a groupBy over ResponseVote. */
function tallyResponseVotes(rows: { responseId: string; value: "strong" | "weak"; _count: { _all: number } }[]) {
  const votes = new Map<string, { strong: number; weak: number }>();
  for (const row of rows) {
    const entry = votes.get(row.responseId) ?? { strong: 0, weak: 0 };
    entry[row.value] = row._count._all;
    votes.set(row.responseId, entry);
  }
  return votes;
}

/** A deleted, hidden or removed response no longer argues; its replies still do, through it. */
function responseBase(silenced: boolean, votes: { strong: number; weak: number }) {
  return silenced ? 0 : baseScore(votes.strong, votes.weak);
}

/** Loads a claim with its whole response tree, ordered by `sort` at every level. */
export async function getClaimDiscussion(claimId: string, { viewerId, sort = "best" }: { viewerId?: string | null; sort?: Sort } = {}): Promise<ClaimDiscussion | null> {
  const db = getDb();
  const claim = await db.claim.findFirst({
    where: { id: claimId, article: { status: "published" } },
    select: {
      id: true,
      text: true,
      exact: true,
      prefix: true,
      suffix: true,
      articleId: true,
      hiddenAt: true,
      lockedAt: true,
      duplicateOfId: true,
      article: { select: { slug: true, title: true, lockedAt: true } },
    },
  });
  if (!claim) return null;
  const [responses, responseVotes, claimVotes, viewerResponseVotes, viewerClaimVote, follow, responseFollows] = await Promise.all([
    db.response.findMany({
      where: { claimId },
      select: {
        id: true,
        parentId: true,
        stance: true,
        body: true,
        createdAt: true,
        editedAt: true,
        deletedAt: true,
        hiddenAt: true,
        removedAt: true,
        removalReason: true,
        author: { select: { id: true, name: true } },
      },
    }),
    db.responseVote.groupBy({ by: ["responseId", "value"], where: { response: { claimId } }, _count: { _all: true } }),
    db.claimVote.groupBy({ by: ["value"], where: { claimId }, _count: { _all: true } }),
    viewerId ? db.responseVote.findMany({ where: { userId: viewerId, response: { claimId } }, select: { responseId: true, value: true } }) : [],
    viewerId ? db.claimVote.findUnique({ where: { claimId_userId: { claimId, userId: viewerId } }, select: { value: true } }) : null,
    viewerId ? db.follow.findUnique({ where: { userId_claimId: { userId: viewerId, claimId } }, select: { id: true } }) : null,
    viewerId ? db.follow.findMany({ where: { userId: viewerId, response: { claimId } }, select: { responseId: true } }) : [],
  ]);
  const followed = new Set(responseFollows.map((row) => row.responseId));

  const votes = tallyResponseVotes(responseVotes);
  const mine = new Map(viewerResponseVotes.map((vote) => [vote.responseId, vote.value]));
  const byId = new Map<string, ResponseView>();
  for (const response of responses) {
    const counts = votes.get(response.id) ?? { strong: 0, weak: 0 };
    const own = viewerId === response.author.id;
    const withheld = response.hiddenAt !== null || response.removedAt !== null;
    byId.set(response.id, {
      id: response.id,
      parentId: response.parentId,
      stance: response.stance,
      body: response.deletedAt || (withheld && !own) ? "" : response.body,
      deleted: response.deletedAt !== null,
      hidden: response.hiddenAt !== null,
      removed: response.removedAt !== null,
      removalReason: own ? response.removalReason : null,
      createdAt: response.createdAt,
      editedAt: response.editedAt,
      author: response.author,
      ...counts,
      viewerVote: mine.get(response.id) ?? null,
      following: followed.has(response.id),
      supporters: 0,
      opposers: 0,
      replies: 0,
      strength: 0.5,
      children: [],
    });
  }
  const roots: ResponseView[] = [];
  for (const view of byId.values()) {
    const parent = view.parentId ? byId.get(view.parentId) : undefined;
    if (parent) {
      parent.children.push(view);
      if (view.stance === "support") parent.supporters++;
      else parent.opposers++;
    } else roots.push(view);
  }
  const order = compareBy(sort);
  const finish = (view: ResponseView): ArgumentNode => {
    view.children.sort((a, b) => order({ ...a, replies: a.children.length }, { ...b, replies: b.children.length }));
    view.replies = view.children.length;
    const node: ArgumentNode = { id: view.id, stance: view.stance, base: responseBase(view.deleted || view.hidden || view.removed, view), children: view.children.map(finish) };
    view.strength = strength(node);
    return node;
  };
  const nodes = roots.map(finish);
  roots.sort((a, b) => order({ ...a, replies: a.children.length }, { ...b, replies: b.children.length }));
  const count = (value: "agree" | "disagree") => claimVotes.find((row) => row.value === value)?._count._all ?? 0;
  const agree = count("agree");
  const disagree = count("disagree");
  return {
    claim: {
      id: claim.id,
      text: claim.text,
      exact: claim.exact,
      prefix: claim.prefix,
      suffix: claim.suffix,
      articleId: claim.articleId,
      hidden: claim.hiddenAt !== null,
      locked: claim.lockedAt !== null || claim.article.lockedAt !== null,
      duplicateOfId: claim.duplicateOfId,
    },
    article: { slug: claim.article.slug, title: claim.article.title },
    agree,
    disagree,
    viewerVote: viewerClaimVote?.value ?? null,
    following: follow !== null,
    standing: standingOf({ base: baseScore(agree, disagree), children: nodes }),
    supporting: roots.filter((view) => view.stance === "support"),
    opposing: roots.filter((view) => view.stance === "oppose"),
    byId,
    total: responses.length,
  };
}

/** Per-claim numbers for an article page: response counts by stance and the standing. */
export async function getClaimSummaries(articleId: string) {
  const db = getDb();
  const claims = await db.claim.findMany({ where: { articleId }, select: { id: true } });
  const ids = claims.map((claim) => claim.id);
  const [responses, responseVotes, claimVotes] = await Promise.all([
    db.response.findMany({ where: { claimId: { in: ids } }, select: { id: true, claimId: true, parentId: true, stance: true, deletedAt: true, hiddenAt: true, removedAt: true } }),
    db.responseVote.groupBy({ by: ["responseId", "value"], where: { response: { claimId: { in: ids } } }, _count: { _all: true } }),
    db.claimVote.groupBy({ by: ["claimId", "value"], where: { claimId: { in: ids } }, _count: { _all: true } }),
  ]);
  const votes = tallyResponseVotes(responseVotes);
  const nodes = new Map<string, ArgumentNode & { claimId: string; parentId: string | null }>();
  for (const response of responses) {
    const counts = votes.get(response.id) ?? { strong: 0, weak: 0 };
    nodes.set(response.id, {
      id: response.id,
      claimId: response.claimId,
      parentId: response.parentId,
      stance: response.stance,
      base: responseBase(Boolean(response.deletedAt || response.hiddenAt || response.removedAt), counts),
      children: [],
    });
  }
  const rootsByClaim = new Map<string, ArgumentNode[]>(ids.map((id) => [id, []]));
  for (const node of nodes.values()) {
    if (node.parentId) nodes.get(node.parentId)?.children.push(node);
    else rootsByClaim.get(node.claimId)?.push(node);
  }
  return new Map(
    ids.map((id) => {
      const roots = rootsByClaim.get(id)!;
      const tally = (value: "agree" | "disagree") => claimVotes.find((row) => row.claimId === id && row.value === value)?._count._all ?? 0;
      return [
        id,
        {
          supporting: roots.filter((node) => node.stance === "support").length,
          opposing: roots.filter((node) => node.stance === "oppose").length,
          standing: strength({ base: baseScore(tally("agree"), tally("disagree")), children: roots }),
        },
      ];
    }),
  );
}

async function liveClaim(tx: Tx, claimId: string) {
  const claim = await tx.claim.findFirst({
    where: { id: claimId, article: { status: "published" } },
    select: { id: true, articleId: true, lockedAt: true, hiddenAt: true, article: { select: { lockedAt: true } } },
  });
  if (!claim) throw new DebateError("That claim does not exist.", 404);
  return { ...claim, locked: claim.lockedAt !== null || claim.article.lockedAt !== null };
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
    if (claim.hiddenAt) throw new DebateError("This claim is under review: no new responses for now.", 409);
    if (input.parentId) {
      const parent = await tx.response.findFirst({ where: { id: input.parentId, claimId: input.claimId }, select: { deletedAt: true, removedAt: true, hiddenAt: true } });
      if (!parent) throw new DebateError("The response you are answering does not exist.", 404);
      if (parent.deletedAt || parent.removedAt) throw new DebateError("The response you are answering was deleted or removed.", 409);
      if (parent.hiddenAt) throw new DebateError("The response you are answering is under review.", 409);
    }
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

export async function getRevisions(responseId: string) {
  const response = await getDb().response.findUnique({
    where: { id: responseId },
    select: {
      id: true,
      body: true,
      editedAt: true,
      createdAt: true,
      deletedAt: true,
      claimId: true,
      author: { select: { name: true } },
      revisions: { orderBy: { createdAt: "desc" }, select: { id: true, body: true, createdAt: true } },
    },
  });
  return response;
}

export async function voteOnClaim(input: { claimId: string; userId: string; value: "agree" | "disagree" | null }) {
  return getDb().$transaction(async (tx) => {
    const claim = await liveClaim(tx, input.claimId);
    const key = { claimId_userId: { claimId: input.claimId, userId: input.userId } };
    if (input.value === null) await tx.claimVote.deleteMany({ where: { claimId: input.claimId, userId: input.userId } });
    else await tx.claimVote.upsert({ where: key, create: { claimId: input.claimId, userId: input.userId, value: input.value }, update: { value: input.value } });
    await announce(tx, { type: "vote", claimId: input.claimId, articleId: claim.articleId });
  });
}

export async function voteOnResponse(input: { responseId: string; actor: Actor; value: "strong" | "weak" | null }) {
  const userId = input.actor.id;
  return getDb().$transaction(async (tx) => {
    const response = await tx.response.findUnique({ where: { id: input.responseId }, select: { authorId: true, deletedAt: true, claimId: true, claim: { select: { articleId: true } } } });
    if (!response) throw new DebateError("That response does not exist.", 404);
    if (!canVoteOnResponse(input.actor, response)) throw new DebateError("You cannot vote on your own response.", 403);
    if (response.deletedAt) throw new DebateError("That response was deleted.", 409);
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

export async function setFollow(input: { userId: string; claimId?: string; responseId?: string; follow: boolean }) {
  const target = input.claimId ? { claimId: input.claimId } : { responseId: input.responseId };
  if (!input.follow) {
    await getDb().follow.deleteMany({ where: { userId: input.userId, ...target } });
    return;
  }
  try {
    await getDb().follow.create({ data: { userId: input.userId, ...target } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return; // already following
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2003") throw new DebateError("There is nothing to follow there.", 404);
    throw error;
  }
}

export async function listNotifications(userId: string) {
  return getDb().notification.findMany({
    where: { userId },
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
}

export async function countUnreadNotifications(userId: string) {
  return getDb().notification.count({ where: { userId, readAt: null } });
}

export async function markNotificationsRead(userId: string) {
  await getDb().notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } });
}

export async function getProfile(userId: string) {
  const user = await getDb().user.findUnique({ where: { id: userId }, select: { id: true, name: true, createdAt: true } });
  if (!user) return null;
  const responses = await getDb().response.findMany({
    where: { authorId: userId, deletedAt: null },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: {
      id: true,
      stance: true,
      body: true,
      createdAt: true,
      claim: { select: { id: true, text: true, article: { select: { title: true } } } },
      _count: { select: { replies: true } },
    },
  });
  const votes = await getDb().responseVote.groupBy({ by: ["value"], where: { response: { authorId: userId, deletedAt: null } }, _count: { _all: true } });
  const tally = (value: "strong" | "weak") => votes.find((row) => row.value === value)?._count._all ?? 0;
  return { user, responses, totals: { responses: responses.length, strong: tally("strong"), weak: tally("weak") } };
}

export async function getResponseClaimId(responseId: string) {
  const response = await getDb().response.findUnique({ where: { id: responseId }, select: { claimId: true } });
  return response?.claimId ?? null;
}
