import pg from "pg";
import { beforeAll, describe, expect, test } from "vitest";
import { createUser } from "@/lib/accounts/create-user";
import { countUnreadNotifications } from "@/lib/debate/notifications";
import { createResponse } from "@/lib/debate/post-response";
import { deleteResponse } from "@/lib/debate/delete-response";
import { editResponse } from "@/lib/debate/edit-response";
import { getRevisions } from "@/lib/debate/response-history";
import { setFollow } from "@/lib/debate/follow";
import { storeClaimVote } from "@/lib/debate/vote-on-claim";
import { appSql, getDb } from "@/lib/db/client";
import { storeResponseVote } from "@/lib/debate/vote-on-response";
import { getClaimDiscussion } from "@/lib/debate/discussion";
import { LIVE_CHANNEL } from "@/lib/live/publish";
import { seedDemoArticles } from "@/scripts/lib/seed-demo";

let claimId: string;
let ann: Awaited<ReturnType<typeof createUser>> & { bannedUntil: Date | null };
let ben: Awaited<ReturnType<typeof createUser>> & { bannedUntil: Date | null };

beforeAll(async () => {
  await seedDemoArticles();
  claimId = (await getDb().claim.findFirstOrThrow({ select: { id: true } })).id;
  ann = { ...(await createUser({ email: "ann@example.com", name: "Ann" })), bannedUntil: null };
  ben = { ...(await createUser({ email: "ben@example.com", name: "Ben" })), bannedUntil: null };
});

const post = (authorId: string, body: string, parentId: string | null = null, stance: "support" | "oppose" = "support") =>
  createResponse({ claimId, parentId, stance, body, authorId });

describe("responses", () => {
  test("build a tree whose counts and standing follow the arguments", async () => {
    const root = await post(ann.id, "Supporting argument number one.");
    await post(ben.id, "An objection to argument one.", root.id, "oppose");
    const discussion = await getClaimDiscussion(claimId);
    const view = discussion!.byId.get(root.id)!;
    expect(view.opposers).toBe(1);
    expect(view.children.map((child) => child.body)).toEqual(["An objection to argument one."]);
    expect(discussion!.standing.value).toBeGreaterThan(0.5);
  });

  test("an edit keeps the earlier text; an edit from a stale copy is refused with 409", async () => {
    const response = await post(ann.id, "First wording of the point.");
    await editResponse({ responseId: response.id, actor: ann, body: "Second wording of the point.", seenEditedAt: null });
    const revisions = await getRevisions(response.id, ann);
    expect(revisions?.body).toBe("Second wording of the point.");
    expect(revisions?.revisions.map((revision) => revision.body)).toEqual(["First wording of the point."]);
    await expect(editResponse({ responseId: response.id, actor: ann, body: "A third wording, from an old tab.", seenEditedAt: null })).rejects.toMatchObject({
      status: 409,
    });
    await expect(
      editResponse({ responseId: response.id, actor: ben, body: "Ben tries to edit Ann's text.", seenEditedAt: revisions!.editedAt!.toISOString() }),
    ).rejects.toMatchObject({ status: 403 });
  });

  test("two simultaneous edits of one response: exactly one wins", async () => {
    const response = await post(ann.id, "Original text to be edited twice.");
    const results = await Promise.allSettled([
      editResponse({ responseId: response.id, actor: ann, body: "Edit from the first tab.", seenEditedAt: null }),
      editResponse({ responseId: response.id, actor: ann, body: "Edit from the second tab.", seenEditedAt: null }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(results.find((result) => result.status === "rejected")).toMatchObject({ reason: { status: 409 } });
  });

  test("deleting keeps the replies; replying to a deleted response is a 409", async () => {
    const root = await post(ann.id, "An argument that will be deleted.");
    await post(ben.id, "A reply that must survive the deletion.", root.id, "oppose");
    await deleteResponse({ responseId: root.id, actor: ann });
    const view = (await getClaimDiscussion(claimId))!.byId.get(root.id)!;
    expect(view).toMatchObject({ deleted: true, body: "", opposers: 1 });
    await expect(post(ben.id, "Replying to something deleted.", root.id)).rejects.toMatchObject({ status: 409 });
    await expect(
      createResponse({ claimId: "no-such-claim", parentId: null, stance: "support", body: "Into the void we go.", authorId: ann.id }),
    ).rejects.toMatchObject({ status: 404 });
  });
});

describe("votes", () => {
  test("fifty identical votes at once leave one vote", async () => {
    await Promise.all(Array.from({ length: 50 }, () => storeClaimVote(ben.id, { claimId, value: "agree" }, appSql)));
    expect(await getDb().claimVote.count({ where: { claimId } })).toBe(1);
    const discussion = await getClaimDiscussion(claimId, { viewer: ben });
    expect(discussion).toMatchObject({ agree: 1, disagree: 0, viewerVote: "agree" });
    await storeClaimVote(ben.id, { claimId, value: "disagree" }, appSql);
    expect(await getClaimDiscussion(claimId)).toMatchObject({ agree: 0, disagree: 1 });
    await storeClaimVote(ben.id, { claimId, value: null }, appSql);
    expect(await getClaimDiscussion(claimId)).toMatchObject({ agree: 0, disagree: 0 });
  });

  test("no one rates their own argument; a rating notifies the author once", async () => {
    const response = await post(ann.id, "An argument to be rated by others.");
    await expect(storeResponseVote(ann, { responseId: response.id, value: "strong" })).rejects.toMatchObject({ status: 403 });
    const before = await countUnreadNotifications(ann);
    await storeResponseVote(ben, { responseId: response.id, value: "strong" });
    await storeResponseVote(ben, { responseId: response.id, value: "weak" });
    expect(await countUnreadNotifications(ann)).toBe(before + 1);
    expect((await getClaimDiscussion(claimId))!.byId.get(response.id)).toMatchObject({ strong: 0, weak: 1 });
  });
});

describe("following", () => {
  test("followers of a response hear of replies to it; authors follow their own responses", async () => {
    const carl = { ...(await createUser({ email: "carl@example.com", name: "Carl" })), bannedUntil: null };
    const root = await post(ann.id, "A point that Ben decides to follow.");
    await setFollow({ userId: ben.id, responseId: root.id, follow: true });
    await setFollow({ userId: ben.id, responseId: root.id, follow: true }); // twice is harmless
    const [annBefore, benBefore] = [await countUnreadNotifications(ann), await countUnreadNotifications(ben)];
    await post(carl.id, "Carl answers the followed point.", root.id, "oppose");
    expect(await countUnreadNotifications(ann)).toBe(annBefore + 1);
    expect(await countUnreadNotifications(ben)).toBe(benBefore + 1);
    await setFollow({ userId: ben.id, responseId: root.id, follow: false });
    await post(carl.id, "Carl answers again, unheard by Ben.", root.id, "oppose");
    expect(await countUnreadNotifications(ben)).toBe(benBefore + 1);
    expect(await countUnreadNotifications(carl)).toBe(0);
  });
});

describe("live updates", () => {
  test("a committed write is announced on PostgreSQL's channel, to any listener", async () => {
    const listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await listener.connect();
    await listener.query(`listen ${LIVE_CHANNEL}`);
    const heard = new Promise<{ type: string; claimId: string }>((resolve) => listener.on("notification", (message) => resolve(JSON.parse(message.payload!))));
    await post(ben.id, "This should be heard by every instance.");
    await expect(heard).resolves.toMatchObject({ type: "response", claimId });
    await listener.end();
  });
});
