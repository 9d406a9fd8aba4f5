// A site to look at (npm run screens) and to audit (npm run bench:lighthouse): its own database
// (`arguably_showcase`, made afresh each time beside the app's own), the demo articles, a few accounts
// and one argued claim, all written through the app's own commands, and the production server on a
// free port. Nothing here touches the database `npm start` serves.
import { createUser } from "@/lib/accounts/create-user";
import { hashPassword } from "@/lib/auth/password";
import { connectToDatabase } from "@/lib/env";
import { dropDatabase, queryRows, withDatabaseName } from "@/lib/db/scratch";
import { ensureDatabase, findFreePort } from "@/lib/db/embedded";
import { startAppServer } from "@/server/start-app-server";
import { ensureProductionBuild } from "./build";
import { loadEnvironment, migrateDatabase, openDatabase } from "./runtime";
import { seedDemoArticles } from "./seed-demo";

export const SHOWCASE_DATABASE = "arguably_showcase";
export const SHOWCASE_PASSWORD = "showcase password 7";
const NATO_SLUG = "time-to-start-thinking-about-walking-away-from-nato-invite-to-ukraine";

export interface Showcase {
  url: string;
  articlePath: string;
  claimPath: string;
  accounts: Record<"admin" | "moderator" | "reader", { email: string; password: string }>;
  stop(): Promise<void>;
}

/** The one argued claim: its arguments, each with replies and ratings, as readers might write them. */
const DEBATE: {
  stance: "support" | "oppose";
  body: string;
  by: number;
  strong: number;
  weak: number;
  replies?: { stance: "support" | "oppose"; body: string; by: number }[];
}[] = [
  {
    stance: "support",
    body: "Membership needs every ally's yes, and Hungary and Turkey have both shown they will hold out for concessions on unrelated files. A single veto is enough.",
    by: 1,
    strong: 6,
    weak: 1,
    replies: [{ stance: "oppose", body: "Finland and Sweden got past Turkey's objections in under two years. Vetoes can be bargained away.", by: 2 }],
  },
  {
    stance: "support",
    body: "Article 5 would commit the alliance to war with Russia on the day Ukraine joins, while fighting goes on. No government will sign up to that.",
    by: 3,
    strong: 4,
    weak: 2,
  },
  {
    stance: "oppose",
    body: "'Never' is a long time: West Germany joined in 1955 with its eastern border unsettled, so membership during a frozen conflict has been done before.",
    by: 2,
    strong: 5,
    weak: 2,
    replies: [{ stance: "oppose", body: "West Germany's division had no shooting war attached, and the Soviets were not occupying a fifth of it.", by: 1 }],
  },
  {
    stance: "oppose",
    body: "The Vilnius communiqué says Ukraine's future is in NATO. Allies do not put that in writing for something they mean never to do.",
    by: 4,
    strong: 1,
    weak: 4,
  },
];

async function seedDebate(url: string) {
  connectToDatabase(url);
  await seedDemoArticles();
  const { createResponse } = await import("@/lib/debate/post-response");
  const { storeClaimVote } = await import("@/lib/debate/vote-on-claim");
  const { storeResponseVote } = await import("@/lib/debate/vote-on-response");
  const { appSql, getDb } = await import("@/lib/db/client");
  const passwordHash = await hashPassword(SHOWCASE_PASSWORD);
  const names = ["Ada Lovelace", "Mo Moderator", "Ben Okafor", "Chiara Ricci", "Dmitri Ivanov", "Efe Adeyemi", "Farah Haddad", "Gus Lindqvist"];
  const people: { id: string; email: string; role: "user" | "editor" | "moderator" | "admin"; bannedUntil: null }[] = [];
  for (const [index, name] of names.entries()) {
    const email = `${name.split(" ")[0].toLowerCase()}@showcase.example`;
    const user = await createUser({ email, name, passwordHash, emailVerified: new Date() });
    const role = index === 1 ? "moderator" : user.role;
    if (role !== user.role) await getDb().user.update({ where: { id: user.id }, data: { role } });
    people.push({ id: user.id, email, role, bannedUntil: null });
  }
  const [claim] = await queryRows<{ id: string }>(
    url,
    `select c.id from "Claim" c join "Article" a on a.id = c."articleId" where a.slug = $1 order by c.start limit 1`,
    [NATO_SLUG],
  );
  for (const argument of DEBATE) {
    const response = await createResponse({
      claimId: claim.id,
      parentId: null,
      stance: argument.stance,
      body: argument.body,
      authorId: people[argument.by].id,
    });
    for (const reply of argument.replies ?? []) {
      await createResponse({ claimId: claim.id, parentId: response.id, stance: reply.stance, body: reply.body, authorId: people[reply.by].id });
    }
    // Ratings from everyone but the author, strong ones first.
    const raters = people.filter((person) => person !== people[argument.by]);
    for (const [at, rater] of raters.slice(0, argument.strong + argument.weak).entries()) {
      await storeResponseVote(rater, { responseId: response.id, value: at < argument.strong ? "strong" : "weak" });
    }
  }
  for (const [index, person] of people.entries()) {
    if (index === 0) continue; // the admin has not voted yet: their page shows what a new voter sees
    await storeClaimVote(person.id, { claimId: claim.id, value: index % 3 === 0 ? "disagree" : "agree" }, appSql);
  }
  await seedModerationQueue(people, url);
  await seedRemovedResponse(people, claim.id);
  await getDb().$disconnect();
  return { claimId: claim.id, people };
}

/**
 * The moderation queue as moderators meet it: a reader's report on another claim's argument, written by
 * the moderator, so their queue shows an item about them ("another moderator must decide").
 */
async function seedModerationQueue(people: { id: string; role: "user" | "editor" | "moderator" | "admin"; bannedUntil: null }[], url: string) {
  const { createResponse } = await import("@/lib/debate/post-response");
  const { reportItem } = await import("@/lib/moderation/report-item");
  const [second] = await queryRows<{ id: string }>(
    url,
    `select c.id from "Claim" c join "Article" a on a.id = c."articleId" where a.slug = $1 order by c.start offset 1 limit 1`,
    [NATO_SLUG],
  );
  const own = await createResponse({
    claimId: second.id,
    parentId: null,
    stance: "support",
    body: "Every enlargement so far was preceded by years of talk that looked hopeless at the time.",
    authorId: people[1].id,
  });
  await reportItem(people[2], { target: { type: "response", id: own.id }, ruleId: "rule-off-topic" });
  // And one a moderator can decide: a reader's claim of fact with no source, reported by another.
  const unsourced = await createResponse({
    claimId: second.id,
    parentId: null,
    stance: "oppose",
    body: "Ninety percent of Ukrainians now oppose joining NATO, according to every poll.",
    authorId: people[4].id,
  });
  await reportItem(people[5], { target: { type: "response", id: unsourced.id }, ruleId: "rule-misinformation", note: "Which polls? None is cited." });
}

/**
 * A reply on the argued claim that the admin removed under a rule, so the claim page shows what readers
 * meet in its place (a placeholder) and the log has an entry that names the rule.
 */
async function seedRemovedResponse(people: { id: string; role: "user" | "editor" | "moderator" | "admin"; bannedUntil: null }[], claimId: string) {
  const { createResponse } = await import("@/lib/debate/post-response");
  const { moderate } = await import("@/lib/moderation/moderate");
  const removed = await createResponse({
    claimId,
    parentId: null,
    stance: "oppose",
    body: "Anyone who believes this is an idiot, and so is the author.",
    authorId: people[3].id,
  });
  await moderate({
    moderator: { ...people[0], silencedUntil: null },
    target: { type: "response", id: removed.id },
    action: "remove",
    version: 0,
    ruleId: "rule-harassment",
    note: "Insults instead of an argument.",
  });
}

/** Builds the showcase site and starts its server; `stop()` ends the server and the database it opened. */
export async function startShowcase(log: (message: string) => void): Promise<Showcase> {
  const env = loadEnvironment();
  const database = await openDatabase(env, () => undefined);
  const adminUrl = withDatabaseName(database.url, "postgres");
  await dropDatabase(adminUrl, SHOWCASE_DATABASE);
  await ensureDatabase(adminUrl, SHOWCASE_DATABASE);
  const url = withDatabaseName(database.url, SHOWCASE_DATABASE);
  await migrateDatabase(url, () => undefined);
  log("seeding the showcase: demo articles, accounts and one argued claim");
  const { claimId, people } = await seedDebate(url);
  const authSecret = "showcase-auth-secret-of-at-least-32-characters";
  await ensureProductionBuild({ authSecret, log, toStderr: true });
  const port = await findFreePort();
  const appUrl = `http://127.0.0.1:${port}`;
  const server = await startAppServer({ databaseUrl: url, port, host: "127.0.0.1", authSecret, appUrl, stdio: ["ignore", "ignore", "inherit"] });
  const account = (index: number) => ({ email: people[index].email, password: SHOWCASE_PASSWORD });
  return {
    url: appUrl,
    articlePath: `/articles/${NATO_SLUG}`,
    claimPath: `/claims/${claimId}`,
    accounts: { admin: account(0), moderator: account(1), reader: account(2) },
    async stop() {
      await server.stop();
      await database.stop();
    },
  };
}
