// Exports over HTTP: a claim's debate as Argdown and AIF JSON reads back as the tree readers see
// (deleted responses keep their place, a hidden one is a tombstone and its replies are left out), and its anchor as a
// Web Annotation; the claim page links to all three.
import { describe, expect, test } from "vitest";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseAif, parseAifDebates } from "@/lib/exchange/aif";
import { parseArgdown, parseArgdownDebates } from "@/lib/exchange/argdown";
import { parseCsv } from "@/lib/exchange/csv";
import { appSql, createArticleWithClaim } from "../support/app-database";
import { appUrl, chromiumPath, setUpBrowser } from "../support/browser";
import { runScript } from "../support/scripts";

const newPage = setUpBrowser();

async function debate() {
  const claim = "Exports should carry the whole debate.";
  await createArticleWithClaim({
    id: "export-article",
    title: "Exporting debates",
    body: `${claim} Other tools can then map it.`,
    claim,
    suffix: " Other tools",
  });
  await appSql(`insert into "User" (id, email, name, "createdAt", "updatedAt") values ('export-user', 'export-user@example.com', 'Exporter', now(), now())`);
  await appSql(
    `insert into "Response" (id, "claimId", "parentId", stance, "authorId", body, "createdAt", "deletedAt", "hiddenAt") values
     ('x1', 'export-claim', null, 'support', 'export-user', 'Whole debates let researchers check the map.', now() - interval '5 minutes', null, null),
     ('x2', 'export-claim', 'x1', 'oppose', 'export-user', 'Not every reply is worth carrying.', now() - interval '4 minutes', null, null),
     ('x3', 'export-claim', null, 'oppose', 'export-user', 'gone', now() - interval '3 minutes', now(), null),
     ('x4', 'export-claim', 'x3', 'support', 'export-user', 'A reply to a deleted response stays.', now() - interval '2 minutes', null, null),
     ('x5', 'export-claim', null, 'oppose', 'export-user', 'Hidden by moderators.', now() - interval '1 minute', null, now()),
     ('x6', 'export-claim', 'x5', 'support', 'export-user', 'Below a hidden response.', now(), null, null)`,
  );
}

const EXPECTED = [
  { id: "x1", parentId: null, stance: "support", text: "Whole debates let researchers check the map." },
  { id: "x2", parentId: "x1", stance: "oppose", text: "Not every reply is worth carrying." },
  { id: "x3", parentId: null, stance: "oppose", text: "[deleted]" },
  { id: "x4", parentId: "x3", stance: "support", text: "A reply to a deleted response stays." },
  // Hidden by moderators: a tombstone in its place, nothing of its text, and its reply left out.
  { id: "x5", parentId: null, stance: "oppose", text: "[hidden while moderators review it]" },
];

describe("exports", () => {
  test("Argdown, AIF and Web Annotation of a claim's debate", async () => {
    await debate();
    const exported = (format: string) => fetch(`${appUrl}/api/claims/export-claim/export?format=${format}`);

    const argdown = await exported("argdown");
    expect(argdown.headers.get("content-disposition")).toBe('attachment; filename="claim-export-claim.argdown"');
    const fromArgdown = parseArgdown(await argdown.text());
    expect(fromArgdown.claim.text).toBe("Exports should carry the whole debate.");
    expect(fromArgdown.responses.map(({ stance, text }) => ({ stance, text }))).toEqual(EXPECTED.map(({ stance, text }) => ({ stance, text })));

    const aif = await exported("aif");
    expect(aif.headers.get("content-type")).toContain("application/json");
    const fromAif = parseAif(await aif.json());
    expect(fromAif).toEqual({ claim: { id: "export-claim", text: "Exports should carry the whole debate." }, responses: EXPECTED });

    const annotation = await (await exported("annotation")).json();
    // No original address is known for this article: our copy is the one target.
    expect(annotation.target).toHaveLength(1);
    expect(annotation.target[0].source).toBe(`${appUrl}/articles/export-article`);
    expect(annotation.target[0].selector).toEqual([
      { type: "TextQuoteSelector", exact: "Exports should carry the whole debate.", prefix: "", suffix: " Other tools" },
      { type: "TextPositionSelector", start: 0, end: 38 },
    ]);

    expect((await exported("pdf")).status).toBe(400);
    expect((await fetch(`${appUrl}/api/claims/no-such-claim/export?format=aif`)).status).toBe(404);
    const page = await (await fetch(`${appUrl}/claims/export-claim`)).text();
    for (const format of ["argdown", "aif", "annotation"]) expect(page).toContain(`/api/claims/export-claim/export?format=${format}`);
  });

  test("an article's exports: claim anchors, responses, votes per claim and pseudonymous participants' votes", async () => {
    await appSql(`insert into "User" (id, email, name, "createdAt", "updatedAt") values ('export-voter', 'export-voter@example.com', 'Voter', now(), now())`);
    await appSql(`insert into "ClaimVote" ("claimId", "userId", value) values ('export-claim', 'export-voter', 'agree')`);
    await appSql(`insert into "ResponseVote" ("responseId", "userId", value) values ('x1', 'export-voter', 'strong'), ('x5', 'export-voter', 'weak')`);
    const exported = (format: string) => fetch(`${appUrl}/api/articles/export-article/export?format=${format}`);

    const collection = await (await exported("annotations")).json();
    expect(collection).toMatchObject({
      type: "AnnotationCollection",
      total: 1,
      first: { type: "AnnotationPage", items: [{ type: "Annotation", target: [{ source: `${appUrl}/articles/export-article` }] }] },
    });

    const responses = parseCsv(await (await exported("responses.csv")).text());
    expect(responses[0]).toEqual([
      "response_id",
      "claim_id",
      "parent_id",
      "stance",
      "status",
      "created_at",
      "strong_votes",
      "weak_votes",
      "strength",
      "text",
      "sources",
    ]);
    const status = { x3: "deleted", x5: "hidden" } as Record<string, string>;
    expect(responses.slice(1).map((row) => [row[0], row[2], row[3], row[4], row[6], row[7], row[9]])).toEqual(
      EXPECTED.map((response) => [
        response.id,
        response.parentId ?? "",
        response.stance,
        status[response.id] ?? "visible",
        response.id === "x1" ? "1" : "0",
        "0",
        response.text,
      ]),
    );

    const votes = parseCsv(await (await exported("votes.csv")).text());
    // Opposing: the deleted response that still holds a reply, and the hidden one's placeholder.
    expect(votes.slice(1)).toEqual([
      ["export-claim", "Exports should carry the whole debate.", "1", "0", "1", "2", expect.stringMatching(/^0\.\d+$/), "pipeline", ""],
    ]);

    const participants = parseCsv(await (await exported("participant-votes.csv")).text());
    // The vote on the hidden response is left out with it; the voter is a pseudonym, not the account.
    expect(participants.slice(1).map((row) => row.slice(1, 4))).toEqual([
      ["claim", "export-claim", "agree"],
      ["response", "x1", "strong"],
    ]);
    expect(new Set(participants.slice(1).map((row) => row[0])).size).toBe(1);
    expect(participants.slice(1)[0][0]).toMatch(/^[0-9a-f]{16}$/);
    expect(await (await exported("participant-votes.csv")).text()).not.toContain("export-voter");

    expect((await exported("xlsx")).status).toBe(400);
    expect((await fetch(`${appUrl}/api/articles/no-such-article/export?format=votes.csv`)).status).toBe(404);
    const page = await (await fetch(`${appUrl}/articles/export-article`)).text();
    expect(page).toContain("/api/articles/export-article/export?format=participant-votes.csv");
  });

  test("an article's debates as one Argdown file and one AIF document, which read back claim by claim", async () => {
    const exported = (format: string) => fetch(`${appUrl}/api/articles/export-article/export?format=${format}`);
    const argdown = await exported("argdown");
    const text = await argdown.text();
    // Every export says its size, so a download can show how far it is.
    expect(Number(argdown.headers.get("x-export-size"))).toBe(Buffer.byteLength(text));
    const { title, trees } = parseArgdownDebates(text);
    expect(title).toBe("Exporting debates");
    expect(trees.map((tree) => tree.claim.text)).toEqual(["Exports should carry the whole debate."]);
    expect(trees[0].responses.map(({ stance, text }) => ({ stance, text }))).toEqual(EXPECTED.map(({ stance, text }) => ({ stance, text })));
    const aif = parseAifDebates(await (await exported("aif")).json());
    expect(aif).toEqual([{ claim: { id: "export-claim", text: "Exports should carry the whole debate." }, responses: EXPECTED }]);
  });

  test("npm run export: downloads with a progress line on stderr and writes the file; refusals exit 2 with the reason", async () => {
    const folder = await fs.mkdtemp(path.join(os.tmpdir(), "arguably-export-"));
    const out = path.join(folder, "responses.csv");
    // Progress shows once an operation takes over a second; this one is quicker, so show it at once.
    process.env.PROGRESS_AFTER_MS = "0";
    const run = await runScript("scripts/export.ts", "--site", appUrl, "--article", "export-article", "--format", "responses.csv", "--out", out);
    expect(run.code, run.output).toBe(0);
    const lines = run.stderr.split("\n");
    expect(lines[0]).toBe("export: Preparing the export…");
    // The responses stream from the database as they are read: their size is not known beforehand.
    expect(lines).toContainEqual(expect.stringMatching(/^export: Downloading… \d+ kB$/));
    expect(lines.at(-1)).toMatch(new RegExp(`^export: [\\d,]+ bytes written to ${out.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
    const fromHttp = await (await fetch(`${appUrl}/api/articles/export-article/export?format=responses.csv`)).text();
    expect(await fs.readFile(out, "utf8")).toBe(fromHttp);

    const missing = await runScript("scripts/export.ts", "--site", appUrl, "--article", "no-such-article", "--format", "votes.csv", "--out", out);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("export: The export failed (HTTP 404): That article does not exist.");
    const usage = await runScript("scripts/export.ts", "--article", "export-article");
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^export: usage:/);
    await fs.rm(folder, { recursive: true });
    delete process.env.PROGRESS_AFTER_MS;
  });

  test.skipIf(!chromiumPath)("in the browser, a slow export shows its progress, then saves the file", { timeout: 60_000 }, async () => {
    const page = await newPage();
    // A slow connection: the answer arrives two seconds late, as from a large debate's preparation.
    await page.route("**/api/articles/export-article/export?format=responses.csv", async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      await route.continue();
    });
    await page.goto("/articles/export-article");
    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: /^Downloads/ }).click();
    await page.getByRole("menuitem", { name: "All responses (CSV)" }).click();
    const progress = page.getByTestId("export-progress");
    await progress.waitFor();
    await expect(progress.innerText()).resolves.toMatch(/Preparing the export…/);
    await expect(page.getByRole("progressbar", { name: "Export progress" }).getAttribute("value")).resolves.toBeNull(); // indeterminate while preparing
    const download = await downloading;
    expect(download.suggestedFilename()).toBe("export-article-responses.csv");
    const saved = await fs.readFile((await download.path())!, "utf8");
    expect(saved).toBe(await (await fetch(`${appUrl}/api/articles/export-article/export?format=responses.csv`)).text());
    await progress.waitFor({ state: "detached" });
  });

  test("exports are limited per address, with the time to wait", async () => {
    await appSql(`insert into "Setting" (key, value, "updatedAt") values ('exportsPerMinute', 2, now()) on conflict (key) do update set value = 2`);
    await appSql(`delete from "RateLimitCounter" where key like 'export:%'`);
    // Each instance keeps the settings for 5 seconds (lib/platform/settings.ts).
    await new Promise((resolve) => setTimeout(resolve, 5_500));
    try {
      const statuses = [];
      for (let n = 0; n < 3; n++) statuses.push(await fetch(`${appUrl}/api/articles/export-article/export?format=votes.csv`));
      expect(statuses.map((response) => response.status)).toEqual([200, 200, 429]);
      expect(Number(statuses[2].headers.get("retry-after"))).toBeGreaterThan(0);
      expect(((await statuses[2].json()) as { detail: string }).detail).toMatch(/downloading exports faster than Arguably allows/);
      expect((await fetch(`${appUrl}/api/claims/export-claim/export?format=argdown`)).status).toBe(429);
    } finally {
      await appSql(`delete from "Setting" where key = 'exportsPerMinute'`);
      await appSql(`delete from "RateLimitCounter" where key like 'export:%'`);
    }
  });
});
