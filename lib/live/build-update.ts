// Turns a notice (./publish.ts) into the update readers' pages apply (./updates.ts): once per change per
// app instance, whatever the number of readers. Reads the primary (a replica may not have replayed the
// write the notice announces yet) and only what readers see: the claim's counts and standing with its
// reasons, the response the change is about with every response above it, and that response in full
// when readers can now see it. A few index reads, whatever the size of the debate (decision 010).
import "server-only";
import { getDb } from "@/lib/db/client";
import { storedStanding, strongestResponses } from "@/lib/debate/discussion";
import type { Stance } from "@/lib/vocabulary";
import { sourcesOf, type CitedSource } from "@/lib/debate/response-sources";
import { moderationNotices } from "@/lib/moderation/log";
import type { ModerationNotice } from "@/lib/moderation/notice";
import type { LiveEvent } from "./publish";
import { reasonExcerpt, type LiveClaimState, type LiveResponse, type LiveResponseState, type LiveUpdate } from "./updates";

interface PathRow {
  id: string;
  claimId: string;
  parentId: string | null;
  stance: Stance;
  body: string;
  authorId: string;
  authorName: string;
  createdAt: Date;
  editedAt: Date | null;
  deleted: boolean;
  removed: boolean;
  present: boolean;
  arguing: boolean;
  strongVotes: number;
  weakVotes: number;
  supporters: number;
  opposers: number;
  strength: number;
  sourceRequests: number;
  depth: number;
}

interface ClaimRow {
  agreeVotes: number;
  disagreeVotes: number;
  supportCount: number;
  opposeCount: number;
  supportLog: number;
  opposeLog: number;
  visible: boolean;
}

/** The response and its ancestors, nearest first, with readers' view of each. */
function responsePath(responseId: string) {
  return getDb().$queryRaw<PathRow[]>`
    WITH RECURSIVE path AS (
      SELECT r.*, 0 AS depth FROM "Response" r WHERE r.id = ${responseId}
      UNION ALL
      SELECT parent.*, path.depth + 1 FROM "Response" parent JOIN path ON parent.id = path."parentId" WHERE path.depth < 200
    )
    SELECT p.id, p."claimId", p."parentId", p.stance::text AS stance, p.body, p."authorId", author.name AS "authorName", p."createdAt", p."editedAt",
      p."deletedAt" IS NOT NULL AS deleted, p."removedAt" IS NOT NULL AS removed,
      arguably_response_present(p."withheldAbove", p."hiddenAt", p."removedAt", p."deletedAt", p.supporters + p.opposers) AS present,
      arguably_response_argues(p."withheldAbove", p."hiddenAt", p."removedAt", p."deletedAt") AS arguing,
      p."strongVotes", p."weakVotes", p.supporters, p.opposers, p.strength, p.depth,
      (SELECT count(*)::int FROM "SourceRequest" sr WHERE sr."responseId" = p.id) AS "sourceRequests"
    FROM path p JOIN "User" author ON author.id = p."authorId"
    ORDER BY p.depth`;
}

async function claimState(claimId: string): Promise<LiveClaimState | null> {
  const [[claim], strongest] = await Promise.all([
    getDb().$queryRaw<ClaimRow[]>`
      SELECT c."agreeVotes", c."disagreeVotes", c."supportCount", c."opposeCount", c."supportLog", c."opposeLog",
        (a.status = 'published' AND c."hiddenAt" IS NULL AND c."duplicateOfId" IS NULL) AS visible
      FROM "Claim" c JOIN "Article" a ON a.id = c."articleId" WHERE c.id = ${claimId}`,
    strongestResponses(claimId),
  ]);
  if (!claim?.visible) return null;
  const standing = storedStanding(claim, strongest);
  // The candidates are arguments readers see: none is deleted.
  const excerpts = new Map(strongest.map((row) => [row.id, reasonExcerpt(row.body, false)]));
  const reason = ({ id, effect }: { id: string; effect: number }) => ({ id, effect, excerpt: excerpts.get(id) ?? "" });
  return {
    agree: claim.agreeVotes,
    disagree: claim.disagreeVotes,
    supporting: claim.supportCount,
    opposing: claim.opposeCount,
    standing: standing.value,
    raisedBy: standing.raisedBy.map(reason),
    loweredBy: standing.loweredBy.map(reason),
  };
}

/** Readers meet a placeholder where it is: present, not deleted, and its argument withheld. */
const isPlaceholder = (row: PathRow) => row.present && !row.deleted && !row.arguing;

function responseState(row: PathRow, subject: { sources: CitedSource[]; notice: ModerationNotice | null } | null): LiveResponseState {
  // A placeholder has no figures of its own, as on a page drawn afresh.
  const placeholder = isPlaceholder(row);
  const state: LiveResponseState = {
    id: row.id,
    present: row.present,
    deleted: row.deleted,
    strong: placeholder ? 0 : row.strongVotes,
    weak: placeholder ? 0 : row.weakVotes,
    supporters: placeholder ? 0 : row.supporters,
    opposers: placeholder ? 0 : row.opposers,
    strength: row.strength,
    sourceRequests: placeholder ? 0 : row.sourceRequests,
  };
  if (subject && placeholder) {
    const notice = subject.notice ?? { removed: row.removed, rule: null, logHref: null };
    state.placeholder = { removed: notice.removed, rule: notice.rule, logHref: notice.logHref };
  } else if (subject && row.present) {
    state.body = row.deleted ? "" : row.body;
    state.editedAt = row.editedAt?.toISOString() ?? null;
    state.sources = row.deleted ? [] : subject.sources;
  }
  return state;
}

function liveResponse(row: PathRow, sources: CitedSource[]): LiveResponse {
  return {
    id: row.id,
    claimId: row.claimId,
    parentId: row.parentId,
    stance: row.stance,
    body: row.body,
    author: { id: row.authorId, name: row.authorName },
    createdAt: row.createdAt.toISOString(),
    strong: row.strongVotes,
    weak: row.weakVotes,
    supporters: row.supporters,
    opposers: row.opposers,
    strength: row.strength,
    sources,
    sourceRequests: row.sourceRequests,
  };
}

/** The update for `event`, as readers see the debate now. */
export async function buildLiveUpdate(event: LiveEvent): Promise<LiveUpdate> {
  const [claim, path] = await Promise.all([claimState(event.claimId), event.responseId ? responsePath(event.responseId) : Promise.resolve([])]);
  // Readers see a response only while they see everything above it: a path with a gap is not theirs.
  const visiblePath = claim ? path : [];
  const subject = visiblePath[0];
  const [sources, notice] = await Promise.all([
    subject && !isPlaceholder(subject) ? sourcesOf([subject.id]).then((found) => found.get(subject.id) ?? []) : Promise.resolve([]),
    subject && isPlaceholder(subject)
      ? moderationNotices([{ id: subject.id, removed: subject.removed }]).then((found) => found.get(subject.id) ?? null)
      : Promise.resolve(null),
  ]);
  return {
    kind: event.type,
    claimId: event.claimId,
    articleId: event.articleId,
    claim,
    responses: visiblePath.map((row, index) => responseState(row, index === 0 ? { sources, notice } : null)),
    created: event.type === "response" && subject?.present && subject.arguing ? liveResponse(subject, sources) : null,
  };
}
