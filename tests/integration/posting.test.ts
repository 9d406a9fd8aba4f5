// Posting a response (lib/debate/post-response.ts) on real PostgreSQL, as every transport calls it (the
// edge's POST /api/claims/:id/responses and the public API): who hears of it, and the submission key
// that makes a retry safe without a read before every post (decision 022).
import { beforeAll, describe, expect, test } from "vitest";
import { createUser } from "@/lib/accounts/create-user";
import { asSessionUser, sessionUserSelect, type SessionUser } from "@/lib/accounts/users";
import { postResponse } from "@/lib/debate/post-response";
import { setFollow } from "@/lib/debate/follow";
import { getDb } from "@/lib/db/client";
import { updateSetting } from "@/lib/platform/settings";
import { seedDemoArticles } from "@/scripts/lib/seed-demo";

let claimId: string;
let admin: SessionUser;

async function person(name: string): Promise<SessionUser> {
  const { id } = await createUser({ email: `${name}@example.com`, name });
  // A day old and confirmed: the new-account brakes and the confirmation rule are not what is tested here.
  await getDb().user.update({ where: { id }, data: { emailVerified: new Date(), createdAt: new Date(Date.now() - 2 * 86_400_000) } });
  return asSessionUser(await getDb().user.findUniqueOrThrow({ where: { id }, select: sessionUserSelect }));
}

const counted = async (userId: string) =>
  (await getDb().rateLimitCounter.findMany({ where: { key: `response:user:${userId}` }, select: { count: true } })).reduce((sum, row) => sum + row.count, 0);

beforeAll(async () => {
  admin = await person("posting-admin"); // the first account of a site is its admin
  await seedDemoArticles();
  ({ id: claimId } = await getDb().claim.findFirstOrThrow({ orderBy: { start: "asc" }, select: { id: true } }));
});

describe("posting a response", () => {
  test("the author follows it; the claim's followers hear of a response, the response's followers of a reply; the author never of their own", async () => {
    const follower = await person("claim-follower");
    const author = await person("poster");
    await setFollow({ userId: follower.id, claimId, follow: true });
    await setFollow({ userId: author.id, claimId, follow: true });

    const posted = await postResponse(author, { claimId, parentId: null, stance: "support", body: "Followers of this claim should hear of this response." });
    expect(posted.repeated).toBe(false);
    const notices = await getDb().notification.findMany({ where: { responseId: posted.id }, select: { userId: true, actorId: true, kind: true } });
    expect(notices).toEqual([{ userId: follower.id, actorId: author.id, kind: "reply" }]);
    expect(await getDb().follow.count({ where: { userId: author.id, responseId: posted.id } })).toBe(1);

    const replier = await person("replier");
    const reply = await postResponse(replier, {
      claimId,
      parentId: posted.id,
      stance: "oppose",
      body: "A reply that the response's author follows by posting it.",
    });
    const replyNotices = await getDb().notification.findMany({ where: { responseId: reply.id }, select: { userId: true } });
    expect(replyNotices).toEqual([{ userId: author.id }]);
    const mails = await getDb().$queryRaw<{ payload: { kind: string; responseId: string } }[]>`select payload from graphile_worker._private_jobs`;
    expect(mails.filter(({ payload }) => payload.responseId === reply.id)).toEqual([{ payload: { kind: "reply", responseId: reply.id } }]);
  });

  test("a repeated submission is answered with its response, stored once and counted once, even at the limit", async () => {
    const author = await person("double-poster");
    const draft = { claimId, parentId: null, stance: "oppose" as const, body: "Sent twice by a flaky connection.", submissionKey: "repeat-key-0123456789" };
    const [first, second] = await Promise.all([postResponse(author, draft), postResponse(author, draft)]);
    expect(first.id).toBe(second.id);
    expect([first.repeated, second.repeated].sort()).toEqual([false, true]);
    expect(await getDb().response.count({ where: { authorId: author.id } })).toBe(1);
    expect(await counted(author.id)).toBe(1);

    // At the limit, a retry of what went through still gets its answer; anything new is refused.
    await updateSetting({ admin, key: "responsesPer10Minutes", value: 1 });
    try {
      const retry = await postResponse(author, draft);
      expect(retry).toMatchObject({ id: first.id, repeated: true });
      await expect(postResponse(author, { ...draft, submissionKey: "another-key-0123456789" })).rejects.toMatchObject({ code: "rate_limited" });
      expect(await getDb().response.count({ where: { authorId: author.id } })).toBe(1);
    } finally {
      await updateSetting({ admin, key: "responsesPer10Minutes", value: 30 });
    }
  });
});
