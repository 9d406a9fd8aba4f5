// Bridged standings (decision 020): the job queue's recompute_bridging runs this for an article after its
// votes or debates change (queued by lib/jobs/bridging-job.ts, from every announced change and from the
// edge's claim vote; at most one job per article pending). It fits one model on every vote in the
// article, so a voter's position comes from all they voted on, then writes each claim's bridged
// standing, groups and responses' bridged scores.
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { analyseClaim, claimItem, responseItem, type DebateNode } from "@/lib/argument/bridged-standing";
import { fitBridging, type Rating } from "@/lib/argument/bridging";
import { queueBridging } from "@/lib/jobs/bridging-job";
import { arguingResponseWhere } from "./visibility";

/**
 * Queues every article with a voted claim that has no bridged standing yet: articles voted on before
 * this existed, or whose job was lost. The worker runs it when it starts and every hour.
 */
export async function queueMissingBridging() {
  const db = getDb();
  const articles = await db.$queryRaw<{ articleId: string }[]>`
    SELECT DISTINCT c."articleId" FROM "Claim" c
    WHERE c."hiddenAt" IS NULL AND NOT EXISTS (SELECT 1 FROM "ClaimBridging" b WHERE b."claimId" = c.id)
      AND (EXISTS (SELECT 1 FROM "ClaimVote" v WHERE v."claimId" = c.id)
        OR EXISTS (SELECT 1 FROM "ResponseVote" v JOIN "Response" r ON r.id = v."responseId" WHERE r."claimId" = c.id))`;
  for (const { articleId } of articles) await queueBridging(db, articleId);
  return articles.length;
}

export async function recomputeBridging(articleId: string) {
  const db = getDb();
  const claims = await db.claim.findMany({ where: { articleId, hiddenAt: null }, select: { id: true } });
  const claimIds = claims.map((claim) => claim.id);
  const [responses, claimVotes, responseVotes] = await Promise.all([
    db.response.findMany({ where: { claimId: { in: claimIds }, ...arguingResponseWhere }, select: { id: true, claimId: true, parentId: true, stance: true } }),
    db.claimVote.findMany({ where: { claimId: { in: claimIds } }, select: { claimId: true, userId: true, value: true } }),
    db.responseVote.findMany({
      where: { response: { claimId: { in: claimIds }, ...arguingResponseWhere } },
      select: { responseId: true, userId: true, value: true },
    }),
  ]);
  // Only responses whose whole chain up to the claim argues for readers are in a tree.
  const live = new Map(responses.map((response) => [response.id, response]));
  const known = new Map<string, boolean>();
  const inTree = (id: string): boolean => {
    // Walk up to the first answer known (iteratively: a thread can be thousands deep), then record the path.
    const path: string[] = [];
    let answer: boolean | undefined;
    for (let at: string | null = id; answer === undefined;) {
      if (at === null) answer = true;
      else if (known.has(at)) answer = known.get(at)!;
      else if (!live.has(at)) answer = false;
      else {
        path.push(at);
        at = live.get(at)!.parentId;
      }
    }
    for (const step of path) known.set(step, answer);
    return answer;
  };
  const nodes = responses.filter((response) => inTree(response.id));
  const claimOf = new Map(nodes.map((response) => [response.id, response.claimId]));

  const ratingsByClaim = new Map<string, Rating[]>(claimIds.map((id) => [id, []]));
  for (const vote of claimVotes)
    ratingsByClaim.get(vote.claimId)!.push({ voter: vote.userId, item: claimItem(vote.claimId), value: vote.value === "agree" ? 1 : 0 });
  for (const vote of responseVotes) {
    const claimId = claimOf.get(vote.responseId);
    if (claimId) ratingsByClaim.get(claimId)!.push({ voter: vote.userId, item: responseItem(vote.responseId), value: vote.value === "strong" ? 1 : 0 });
  }
  const fit = fitBridging([...ratingsByClaim.values()].flat());

  const treeOf = new Map<string, DebateNode[]>(claimIds.map((id) => [id, []]));
  for (const { id, claimId, parentId, stance } of nodes) treeOf.get(claimId)!.push({ id, parentId, stance });

  await db.$transaction(
    async (tx) => {
      for (const claimId of claimIds) {
        const tree = treeOf.get(claimId)!;
        const result = analyseClaim(claimId, tree, ratingsByClaim.get(claimId)!, fit);
        const row = {
          voters: result.voters,
          standing: result.standing?.value ?? null,
          reasons: (result.standing
            ? { raisedBy: result.standing.raisedBy, loweredBy: result.standing.loweredBy }
            : { raisedBy: [], loweredBy: [] }) as unknown as Prisma.InputJsonValue,
          groups: result.groups as unknown as Prisma.InputJsonValue,
          computedAt: new Date(),
        };
        const current = await tx.claimBridging.findUnique({ where: { claimId }, select: { voters: true, standing: true, reasons: true, groups: true } });
        // Unchanged results are not written again: every write drops the article's cached pages.
        const same = current && canonical({ ...current, computedAt: null }) === canonical({ ...row, computedAt: null });
        if (!same) await tx.claimBridging.upsert({ where: { claimId }, create: { claimId, ...row }, update: row });
        const scores = await tx.responseBridging.findMany({ where: { claimId }, select: { responseId: true, score: true } });
        const unchanged = scores.length === result.responseScores.size && scores.every((score) => result.responseScores.get(score.responseId) === score.score);
        if (unchanged) continue;
        // The scores have no page trigger of their own; touching the claim's row drops its cached pages.
        if (same) await tx.claimBridging.update({ where: { claimId }, data: { computedAt: row.computedAt } });
        await tx.responseBridging.deleteMany({ where: { claimId } });
        if (result.responseScores.size) {
          await tx.responseBridging.createMany({ data: [...result.responseScores].map(([responseId, score]) => ({ responseId, claimId, score })) });
        }
      }
    },
    // A large article writes thousands of scores.
    { timeout: 60_000 },
  );
}

/** JSON with object keys sorted: PostgreSQL's jsonb keeps its own key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}
