// "Download my data": everything Arguably holds about a person, as one JSON document written a page at
// a time (memory stays flat for an account with years of responses). Read through the one visibility
// rule (decision 015), like every page: their own responses under review or removed are in it (with the
// reason), but nothing names an item they may not see now, such as a thread a moderator withheld above
// them; a report of such an item says only what kind of item it was. Served by app/settings/data/route.ts.
import { getDb } from "@/lib/db/client";
import { sourcesSelect } from "@/lib/debate/response-sources";
import { appUrl } from "@/lib/env";
import type { Actor } from "@/lib/policy";
import { claimIsVisible, responseAppearance } from "@/lib/policy/visibility";
import { responseStateSelect, visibleClaimWhere, visibleResponseWhere } from "@/lib/debate/visibility";

const PAGE = 500;

export const ACCOUNT_DATA_FORMAT = "arguably-account-data/1";

/** Reads rows a page at a time by their key (keyset paging on `keyOf`), until a short page. */
async function* pages<Row>(read: (after: string | undefined) => Promise<Row[]>, keyOf: (row: Row) => string): AsyncGenerator<Row[]> {
  let after: string | undefined;
  for (;;) {
    const rows = await read(after);
    if (rows.length) yield rows;
    if (rows.length < PAGE) return;
    after = keyOf(rows[rows.length - 1]);
  }
}

const byId = (row: { id: string }) => row.id;
const keyset = (after: string | undefined) => ({ take: PAGE, ...(after ? { cursor: { id: after }, skip: 1 } : {}), orderBy: { id: "asc" as const } });

/** The sections of the document after "account", each a list read in pages. */
function sections(person: Actor): [string, () => AsyncGenerator<object[]>][] {
  const db = getDb();
  const base = appUrl();
  const userId = person.id;
  const seenResponse = { ...visibleResponseWhere(person), claim: visibleClaimWhere(person) };
  const seenClaim = visibleClaimWhere(person);
  const claimState = { hiddenAt: true, article: { select: { status: true } } } as const;
  return [
    [
      "responses",
      () =>
        pages(
          async (after) =>
            (
              await db.response.findMany({
                where: { authorId: userId, ...seenResponse },
                ...keyset(after),
                select: {
                  id: true,
                  claimId: true,
                  parentId: true,
                  stance: true,
                  body: true,
                  createdAt: true,
                  editedAt: true,
                  deletedAt: true,
                  hiddenAt: true,
                  removedAt: true,
                  removalReason: true,
                  revisions: { orderBy: { createdAt: "asc" }, select: { body: true, createdAt: true } },
                  sources: sourcesSelect,
                },
              })
            ).map((row) => ({ ...row, url: `${base}/responses/${row.id}` })),
          byId,
        ),
    ],
    [
      "claimVotes",
      () =>
        pages(
          async (after) =>
            await db.claimVote.findMany({
              where: { userId, claim: seenClaim, ...(after ? { claimId: { gt: after } } : {}) },
              orderBy: { claimId: "asc" },
              take: PAGE,
              select: { claimId: true, value: true, createdAt: true },
            }),
          (row) => row.claimId,
        ),
    ],
    [
      "responseVotes",
      () =>
        pages(
          async (after) =>
            await db.responseVote.findMany({
              where: { userId, response: seenResponse, ...(after ? { responseId: { gt: after } } : {}) },
              orderBy: { responseId: "asc" },
              take: PAGE,
              select: { responseId: true, value: true, createdAt: true },
            }),
          (row) => row.responseId,
        ),
    ],
    [
      "sourceRequests",
      () =>
        pages(
          async (after) =>
            await db.sourceRequest.findMany({
              where: { userId, response: seenResponse, ...(after ? { responseId: { gt: after } } : {}) },
              orderBy: { responseId: "asc" },
              take: PAGE,
              select: { responseId: true, createdAt: true },
            }),
          (row) => row.responseId,
        ),
    ],
    [
      "follows",
      () =>
        pages(
          (after) =>
            db.follow.findMany({
              where: { userId, OR: [{ claim: seenClaim }, { response: seenResponse }] },
              ...keyset(after),
              select: { id: true, claimId: true, responseId: true, createdAt: true },
            }),
          byId,
        ),
    ],
    [
      "reports",
      () =>
        pages(
          async (after) =>
            (
              await db.report.findMany({
                where: { reporterId: userId },
                ...keyset(after),
                select: {
                  id: true,
                  rule: { select: { name: true } },
                  duplicateOfId: true,
                  note: true,
                  status: true,
                  createdAt: true,
                  resolvedAt: true,
                  claim: { select: { id: true, ...claimState } },
                  response: { select: { id: true, ...responseStateSelect, claim: { select: claimState } } },
                },
              })
            ).map(({ claim, response, rule, duplicateOfId, ...report }) => ({
              ...report,
              // The site rule it cited, or that it repeats another claim.
              rule: rule?.name ?? (duplicateOfId ? "Repeats another claim" : null),
              about: response ? "response" : "claim",
              // Named only while the person may see it (as on /reports).
              claimId: claim && claimIsVisible(claim, person) ? claim.id : null,
              responseId: response && claimIsVisible(response.claim, person) && responseAppearance(response, person) === "shown" ? response.id : null,
            })),
          byId,
        ),
    ],
  ];
}

async function accountSection(userId: string) {
  const user = await getDb().user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      emailVerified: true,
      role: true,
      createdAt: true,
      replyMail: true,
      followMail: true,
      digest: true,
      silencedUntil: true,
      silenceReason: true,
      nameChanges: { orderBy: { createdAt: "asc" }, select: { oldName: true, newName: true, createdAt: true } },
      accounts: { select: { provider: true } },
      accessTokens: {
        orderBy: { createdAt: "asc" },
        select: { name: true, prefix: true, scope: true, createdAt: true, lastUsedAt: true, expiresAt: true, revokedAt: true },
      },
      sessions: { where: { endedAt: null }, orderBy: { createdAt: "asc" }, select: { userAgent: true, createdAt: true, expiresAt: true } },
    },
  });
  const { accounts, ...rest } = user;
  return { ...rest, signInProviders: accounts.map((account) => account.provider) };
}

/** The document as chunks of JSON text; joined, they parse as one object. */
export async function* accountDataChunks(person: Actor): AsyncGenerator<string> {
  const userId = person.id;
  const head = {
    format: ACCOUNT_DATA_FORMAT,
    exportedAt: new Date().toISOString(),
    site: appUrl(),
    note: "Items you cannot see on Arguably now (withheld by moderators above your response, or in a hidden claim) are left out, as on every page.",
    account: await accountSection(userId),
  };
  yield JSON.stringify(head, null, 1).replace(/\n}$/, "");
  for (const [name, read] of sections(person)) {
    yield `,\n "${name}": [`;
    let first = true;
    for await (const rows of read()) {
      for (const row of rows) {
        yield `${first ? "\n  " : ",\n  "}${JSON.stringify(row)}`;
        first = false;
      }
    }
    yield first ? "]" : "\n ]";
  }
  yield "\n}\n";
}
