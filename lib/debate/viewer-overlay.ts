// The per-person layer of a debate page (issue 17, decision 018). Article, claim, thread and outline
// pages are rendered once per change and shared by every reader (server/page-cache.ts); what differs
// per person comes from this one read, a few indexed rows: who they are, their unread count, what they
// may do, their votes and follows in the article, and whether their page must be rendered for them
// because it shows more than readers see (staff, or their own responses under review).
//
// Framework-free (a SqlRunner, nothing server-only) so that the HTTP edge answers it without Next.js.
import { postingBlockedReason } from "@/lib/auth/sanction-message";
import type { SqlRunner } from "@/lib/db/sql-runner";
import { canPost, hasRole, isBanned, mustVerifyEmail, type Actor } from "@/lib/policy";
import { SETTING_DEFAULTS } from "@/lib/platform/setting-defaults";
import type { ClaimVoteValue, ResponseVoteValue, Role } from "@/lib/vocabulary";

export interface ViewerOverlay {
  user: { id: string; name: string; role: Role } | null;
  unread: number;
  /** Why this person cannot post or raise claims now (a silence), or null. */
  blockedReason: string | null;
  canPost: boolean;
  /** Their votes and follows in the article, by claim and response id. */
  claimVotes: Record<string, ClaimVoteValue>;
  responseVotes: Record<string, ResponseVoteValue>;
  /** Responses they marked "needs a source". */
  sourceRequests: string[];
  followedClaims: string[];
  followedResponses: string[];
  /**
   * Their page shows more than the shared one: editors' tools, what moderators see, their own responses
   * under review. Such pages are rendered for them (server/page-cache.ts).
   */
  personal: boolean;
}

/** Set by the HTTP edge, and only by it, on the renders it shares between readers (server/page-cache.ts). */
export const SHARED_RENDER_HEADER = "x-arguably-shared-render";

export const ANONYMOUS_OVERLAY: ViewerOverlay = {
  user: null,
  unread: 0,
  blockedReason: null,
  canPost: false,
  claimVotes: {},
  responseVotes: {},
  sourceRequests: [],
  followedClaims: [],
  followedResponses: [],
  personal: false,
};

interface OverlayRow extends Actor {
  name: string;
  silenceReason: string | null;
  emailVerified: Date | null;
  unverifiedMayPost: number;
  unread: number;
  claimVotes: Record<string, ClaimVoteValue> | null;
  responseVotes: Record<string, ResponseVoteValue> | null;
  sourceRequests: string[] | null;
  followedClaims: string[] | null;
  followedResponses: string[] | null;
  ownWithheld: boolean;
}

// What a person without a role sees (lib/debate/visibility.ts responseVisibleSql and claimVisibleSql
// for that viewer): the overlay never names a withheld item, even one they voted on or follow. People
// with a role get a personal page, and their count from lib/debate/notifications.ts.
const SEEN_CLAIM = `a.status = 'published' AND c."hiddenAt" IS NULL`;
const SEEN_RESPONSE = `((r."deletedAt" IS NULL AND NOT r."withheldAbove" AND ((r."hiddenAt" IS NULL AND r."removedAt" IS NULL) OR r."authorId" = me.id))
  OR (r."deletedAt" IS NOT NULL AND arguably_response_present(r."withheldAbove", r."hiddenAt", r."removedAt", r."deletedAt", r.supporters + r.opposers)))`;
const IN_ARTICLE = `JOIN "Claim" c ON c.id = r."claimId" JOIN "Article" a ON a.id = c."articleId"`;
/** The person (`person`) has a response under review in article $3: their page shows it, so it is theirs. */
const OWN_WITHHELD = (person: string) => `EXISTS (SELECT 1 FROM "Response" r JOIN "Claim" c ON c.id = r."claimId"
  WHERE r."authorId" = ${person} AND c."articleId" = $3 AND r."deletedAt" IS NULL AND NOT r."withheldAbove"
    AND (r."hiddenAt" IS NOT NULL OR r."removedAt" IS NOT NULL))`;

const OVERLAY_SQL = `
  WITH me AS (
    SELECT u.id, u.name, u.role::text AS role, u."bannedUntil", u."silencedUntil", u."silenceReason",
      u."emailVerified", coalesce((SELECT value FROM "Setting" WHERE key = 'unverifiedMayPost'), ${SETTING_DEFAULTS.unverifiedMayPost}) AS "unverifiedMayPost"
    FROM "User" u
    WHERE u.id = $1 AND ($2::text IS NULL OR EXISTS (
      SELECT 1 FROM "UserSession" s WHERE s.id = $2 AND s."userId" = u.id AND s."endedAt" IS NULL AND s."expiresAt" > now()))
  )
  SELECT me.*,
    (SELECT count(*)::int FROM "Notification" n JOIN "Response" r ON r.id = n."responseId" ${IN_ARTICLE}
       WHERE n."userId" = me.id AND n."readAt" IS NULL AND ${SEEN_CLAIM} AND ${SEEN_RESPONSE}) AS unread,
    (SELECT json_object_agg(v."claimId", v.value) FROM "ClaimVote" v JOIN "Claim" c ON c.id = v."claimId" JOIN "Article" a ON a.id = c."articleId"
       WHERE v."userId" = me.id AND c."articleId" = $3 AND ${SEEN_CLAIM}) AS "claimVotes",
    (SELECT json_object_agg(v."responseId", v.value) FROM "ResponseVote" v JOIN "Response" r ON r.id = v."responseId" ${IN_ARTICLE}
       WHERE v."userId" = me.id AND c."articleId" = $3 AND ${SEEN_CLAIM} AND ${SEEN_RESPONSE}) AS "responseVotes",
    (SELECT json_agg(sr."responseId") FROM "SourceRequest" sr JOIN "Response" r ON r.id = sr."responseId" ${IN_ARTICLE}
       WHERE sr."userId" = me.id AND c."articleId" = $3 AND ${SEEN_CLAIM} AND ${SEEN_RESPONSE}) AS "sourceRequests",
    (SELECT json_agg(f."claimId") FROM "Follow" f JOIN "Claim" c ON c.id = f."claimId" JOIN "Article" a ON a.id = c."articleId"
       WHERE f."userId" = me.id AND c."articleId" = $3 AND ${SEEN_CLAIM}) AS "followedClaims",
    (SELECT json_agg(f."responseId") FROM "Follow" f JOIN "Response" r ON r.id = f."responseId" ${IN_ARTICLE}
       WHERE f."userId" = me.id AND c."articleId" = $3 AND ${SEEN_CLAIM} AND ${SEEN_RESPONSE}) AS "followedResponses",
    ${OWN_WITHHELD("me.id")} AS "ownWithheld"
  FROM me`;

export interface OverlayQuery {
  userId: string;
  /** The session to check is live; null when the caller has checked it (lib/auth/session.ts). */
  sessionId: string | null;
  /** The article whose votes and follows to read; null for pages outside an article. */
  articleId: string | null;
}

/** The overlay of a signed-in person, or the anonymous one when the session is over or the account banned. */
export async function readViewerOverlay(sql: SqlRunner, query: OverlayQuery): Promise<ViewerOverlay> {
  const [row] = await sql<OverlayRow>({
    name: "arguably-viewer-overlay",
    text: OVERLAY_SQL,
    values: [query.userId, query.sessionId, query.articleId],
  });
  if (!row || isBanned(row)) return ANONYMOUS_OVERLAY;
  const person = { ...row, silencedUntil: row.silencedUntil ?? null, mustVerifyEmail: mustVerifyEmail(row, row.unverifiedMayPost) };
  return {
    user: { id: row.id, name: row.name, role: row.role },
    unread: row.unread,
    blockedReason: postingBlockedReason(person),
    canPost: canPost(person),
    claimVotes: row.claimVotes ?? {},
    responseVotes: row.responseVotes ?? {},
    sourceRequests: row.sourceRequests ?? [],
    followedClaims: row.followedClaims ?? [],
    followedResponses: row.followedResponses ?? [],
    personal: personalFor(row, row.ownWithheld),
  };
}

// The part of the overlay that decides how the page is served, on every signed-in page load: kept to
// the session, the role and one existence test on the author's responses (an index on authorId).
const PERSONAL_SQL = `
  SELECT u.role::text AS role, u."bannedUntil", ${OWN_WITHHELD("u.id")} AS "ownWithheld"
  FROM "UserSession" s JOIN "User" u ON u.id = s."userId"
  WHERE s.id = $2 AND s."userId" = $1 AND s."endedAt" IS NULL AND s."expiresAt" > now()`;

/** Whether this person's pages of the article must be rendered for them (ViewerOverlay.personal). */
export async function isPersonalPage(sql: SqlRunner, query: { userId: string; sessionId: string; articleId: string }): Promise<boolean> {
  const [row] = await sql<Pick<Actor, "role" | "bannedUntil"> & { ownWithheld: boolean }>({
    name: "arguably-personal-page",
    text: PERSONAL_SQL,
    values: [query.userId, query.sessionId, query.articleId],
  });
  if (!row || isBanned(row)) return false;
  return personalFor({ ...row, id: query.userId }, row.ownWithheld);
}

function personalFor(actor: Actor, ownWithheld: boolean) {
  return hasRole(actor, "editor") || ownWithheld;
}
