// One visibility rule (lib/policy/visibility.ts) in three forms: the pure function, the Prisma filter
// and the SQL filter (lib/debate/visibility.ts). Over every combination of article, claim and response
// state and every kind of viewer, the database must return exactly the rows the pure rule allows.
import { beforeAll, describe, expect, test } from "vitest";
import { createUser } from "@/lib/accounts/create-user";
import { claimVisibleSql, responseVisibleSql, visibleArticleWhere, visibleClaimWhere, visibleResponseWhere } from "@/lib/debate/visibility";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { articleIsVisible, claimIsVisible, responseAppearance, type ResponseState, type Viewer } from "@/lib/policy/visibility";

const FLAGS = ["hidden", "removed", "deleted", "withheldAbove", "replied"] as const;
const AT = new Date("2026-01-01T00:00:00Z");

interface Row extends ResponseState {
  id: string;
  claimId: string;
  claim: { hiddenAt: Date | null; article: { status: "draft" | "published" } };
}

const rows: Row[] = [];
const viewers: { label: string; viewer: Viewer }[] = [];

beforeAll(async () => {
  const db = getDb();
  const [authorA, authorB] = await Promise.all([createUser({ email: "a@example.com", name: "A" }), createUser({ email: "b@example.com", name: "B" })]);
  // Every combination, written as they are (the triggers that would derive some of these stand aside).
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT set_config('arguably.skip_debate_stats', 'on', true)`;
    for (const status of ["published", "draft"] as const) {
      for (const claimHidden of [false, true]) {
        const articleId = `article-${status}-${claimHidden}`;
        await tx.article.create({
          data: { id: articleId, slug: articleId, title: articleId, body: "Some words to anchor to.", blocks: [], sourceHash: articleId, status },
        });
        const claim = await tx.claim.create({
          data: { articleId, start: 0, end: 4, exact: "Some", prefix: "", suffix: "", text: "Some", hiddenAt: claimHidden ? AT : null },
          select: { id: true },
        });
        for (let mask = 0; mask < 2 ** FLAGS.length * 2; mask++) {
          const on = (flag: (typeof FLAGS)[number]) => Boolean(mask & (1 << FLAGS.indexOf(flag)));
          const row = {
            id: `r-${status}-${claimHidden}-${mask}`,
            claimId: claim.id,
            authorId: mask & (1 << FLAGS.length) ? authorB.id : authorA.id,
            hiddenAt: on("hidden") ? AT : null,
            removedAt: on("removed") ? AT : null,
            deletedAt: on("deleted") ? AT : null,
            withheldAbove: on("withheldAbove"),
            supporters: on("replied") ? 1 : 0,
            opposers: 0,
          };
          await tx.response.create({ data: { ...row, stance: "support", body: row.deletedAt ? "" : `Text of ${row.id}` } });
          rows.push({ ...row, claim: { hiddenAt: claimHidden ? AT : null, article: { status } } });
        }
      }
    }
  });
  const account = (id: string, role: Role, banned = false) => ({
    id,
    role,
    bannedUntil: banned ? new Date(Date.now() + 86_400_000) : null,
    silencedUntil: null,
  });
  viewers.push(
    { label: "anonymous", viewer: null },
    { label: "author A", viewer: account(authorA.id, "user") },
    { label: "author B, silenced", viewer: { ...account(authorB.id, "user"), silencedUntil: new Date(Date.now() + 86_400_000) } },
    { label: "an editor", viewer: account("someone-editing", "editor") },
    { label: "a moderator", viewer: account("someone-moderating", "moderator") },
    { label: "an admin", viewer: account("someone-administering", "admin") },
    { label: "a banned moderator", viewer: account("someone-banned", "moderator", true) },
  );
});

const sorted = (ids: string[]) => [...ids].sort();

describe("one visibility rule, three forms", () => {
  test("the fixture covers every state", () => {
    expect(rows).toHaveLength(4 * 64);
  });

  test("responses: the Prisma filter and the SQL filter return exactly what the rule allows, for every viewer", async () => {
    for (const { label, viewer } of viewers) {
      for (const placeholders of [false, true]) {
        // Without placeholders: what shows with its text or as "[deleted]"; with them, a debate's own places.
        const allowed = (appearance: ReturnType<typeof responseAppearance>) => appearance !== null && (placeholders || appearance !== "placeholder");
        const expected = sorted(rows.filter((row) => claimIsVisible(row.claim, viewer) && allowed(responseAppearance(row, viewer))).map((row) => row.id));
        const viaPrisma = await getDb().response.findMany({ where: visibleResponseWhere(viewer, { placeholders }), select: { id: true } });
        const viaSql = await getDb().$queryRaw<{ id: string }[]>(Prisma.sql`
          SELECT r.id FROM "Response" r JOIN "Claim" c ON c.id = r."claimId" JOIN "Article" a ON a.id = c."articleId"
          WHERE ${claimVisibleSql(viewer)} AND ${responseVisibleSql(viewer, "r", { placeholders })}`);
        expect(sorted(viaPrisma.map((row) => row.id)), `${label}, placeholders ${placeholders}`).toEqual(expected);
        expect(sorted(viaSql.map((row) => row.id)), `${label}, placeholders ${placeholders}`).toEqual(expected);
      }
    }
  });

  test("what each kind of viewer gets, in words", () => {
    const seenAs = (label: string, which: (appearance: string | null) => boolean) => {
      const { viewer } = viewers.find((entry) => entry.label === label)!;
      return rows.filter((row) => claimIsVisible(row.claim, viewer) && which(responseAppearance(row, viewer)));
    };
    const seen = (label: string) => seenAs(label, (appearance) => appearance !== null && appearance !== "placeholder");
    // Placeholders: where a response is itself hidden or removed, with nothing withheld above it, for
    // everyone who may not read it; never for moderators, never for its own author.
    for (const row of seenAs("anonymous", (appearance) => appearance === "placeholder")) {
      expect(row.withheldAbove).toBe(false);
      expect(row.deletedAt).toBeNull();
      expect(row.hiddenAt !== null || row.removedAt !== null).toBe(true);
    }
    expect(seenAs("anonymous", (appearance) => appearance === "placeholder").length).toBeGreaterThan(0);
    expect(seenAs("a moderator", (appearance) => appearance === "placeholder")).toEqual([]);
    const authorA = viewers.find((entry) => entry.label === "author A")!.viewer!;
    expect(seenAs("author A", (appearance) => appearance === "placeholder").filter((row) => row.authorId === authorA.id)).toEqual([]);
    // Readers: published, unhidden claims; responses with nothing withheld; deleted ones only with replies.
    for (const row of seen("anonymous")) {
      expect(row.claim).toEqual({ hiddenAt: null, article: { status: "published" } });
      expect([row.hiddenAt, row.removedAt, row.withheldAbove]).toEqual([null, null, false]);
      if (row.deletedAt) expect(row.supporters).toBeGreaterThan(0);
    }
    // An author also sees their own hidden or removed responses, unless something above is withheld.
    expect(seen("author A").some((row) => row.hiddenAt && !row.deletedAt)).toBe(true);
    expect(seen("author A").filter((row) => row.withheldAbove)).toEqual([]);
    // Moderators see withheld responses and hidden claims, and drafts; a ban takes all of that away.
    expect(seen("a moderator").some((row) => row.withheldAbove && row.claim.hiddenAt && row.claim.article.status === "draft")).toBe(true);
    expect(seen("a banned moderator")).toEqual(seen("anonymous"));
    // Editors see drafts, but nothing withheld.
    expect(seen("an editor").some((row) => row.claim.article.status === "draft")).toBe(true);
    expect(seen("an editor").some((row) => row.hiddenAt || row.claim.hiddenAt)).toBe(false);
    // Nobody sees a deleted response that has no replies readers see.
    for (const { label } of viewers)
      expect(
        seen(label).filter((row) => row.deletedAt && row.supporters === 0 && row.opposers === 0),
        label,
      ).toEqual([]);
  });

  test("claims and articles: the Prisma filters agree with the rule", async () => {
    for (const { label, viewer } of viewers) {
      const claims = await getDb().claim.findMany({ where: visibleClaimWhere(viewer), select: { hiddenAt: true, article: { select: { status: true } } } });
      const expectedClaims = [...new Map(rows.map((row) => [JSON.stringify(row.claim), row.claim])).values()].filter((claim) => claimIsVisible(claim, viewer));
      expect(claims.length, label).toBe(expectedClaims.length);
      const articles = await getDb().article.findMany({ where: visibleArticleWhere(viewer), select: { status: true } });
      expect(articles.length, label).toBe(
        ["published", "published", "draft", "draft"].filter((status) => articleIsVisible({ status: status as "draft" | "published" }, viewer)).length,
      );
    }
  });
});
