// Issue 19 in Chromium against the production server and its own job worker: the bridged standing and
// opinion groups appear a moment after a vote, with the plain-words note; "Bridging" puts what both
// camps find strong first; a reader sees their crux; sources are posted and shown as links with their
// site; "Needs a source" shows as a badge; the exports carry sources and point at the original.
import type { Page } from "playwright-core";
import { ArgdownApplication, DataPlugin, ModelPlugin, ParserPlugin } from "@argdown/core";
import { describe, expect, test } from "vitest";
import { alertText, appUrl, chooseInMenu, chromiumPath, setUpBrowser, signInAs } from "../support/browser";
import { appSql, createArticleWithClaim } from "../support/app-database";
import { createAccount } from "../support/http";

const newPage = setUpBrowser();

async function respond(id: string, claimId: string, authorId: string, stance: "support" | "oppose", body: string) {
  await appSql(`insert into "Response" (id, "claimId", stance, "authorId", body) values ($1, $2, $3::"Stance", $4, $5)`, [id, claimId, stance, authorId, body]);
}

const responseWith = (page: Page, text: string) => page.getByTestId("response").filter({ hasText: text }).first();

describe.skipIf(!chromiumPath)("bridged standing and sources", () => {
  test("the bridged standing and the groups follow a vote; Bridging puts what both camps find strong first; the voter sees their crux", async () => {
    const claimId = await createArticleWithClaim({
      id: "bridging-article",
      title: "Bridging",
      body: "Cities should ban cars from their centres. Others disagree.",
      claim: "Cities should ban cars from their centres.",
    });
    const author = await createAccount("bridging-author");
    await respond("bridging-pro", claimId, author.id, "support", "Fewer cars means cleaner air for everyone in the centre.");
    await respond("bridging-con", claimId, author.id, "oppose", "Shops in the centre lose the customers who drive in.");
    await respond("bridging-shared", claimId, author.id, "support", "Pedestrian streets in Copenhagen kept their shops busy.");
    // Two camps of six, already voted (as earlier readers did): one for the claim, one against; both
    // find the Copenhagen argument strong.
    for (let n = 0; n < 12; n++) {
      const voter = await appSql<{ id: string }>(
        `insert into "User" (id, email, name, "updatedAt") values ('bridging-voter-' || $1, 'bridging-voter-' || $1 || '@example.com', 'voter ' || $1, now()) returning id`,
        [n],
      );
      const pro = n % 2 === 0;
      await appSql(`insert into "ClaimVote" ("claimId", "userId", value) values ($1, $2, $3::"ClaimVoteValue")`, [
        claimId,
        voter[0].id,
        pro ? "agree" : "disagree",
      ]);
      for (const [response, value] of [
        ["bridging-pro", pro ? "strong" : "weak"],
        ["bridging-con", pro ? "weak" : "strong"],
        ["bridging-shared", "strong"],
      ]) {
        await appSql(`insert into "ResponseVote" ("responseId", "userId", value) values ($1, $2, $3::"ResponseVoteValue")`, [response, voter[0].id, value]);
      }
    }

    const reader = await createAccount("bridging-reader");
    const page = await newPage();
    await signInAs(page, reader);
    await page.goto(`/claims/${claimId}`);
    // Where it stands, and why, is folded under the claim's one-line standing.
    const openStanding = () => page.getByText("How this claim stands, and why").click();
    await openStanding();
    const section = page.getByRole("region", { name: "Bridged standing" });
    await section.getByText("Not computed yet").waitFor();

    // The reader votes: the edge stores it and queues the article's job; the server's worker runs it.
    await page.getByRole("button", { name: /^Agree/ }).click();
    await page.getByRole("button", { name: "Agree 7" }).waitFor();
    await responseWith(page, "Fewer cars")
      .getByRole("button", { name: /^Strong/ })
      .click();
    await responseWith(page, "Fewer cars")
      .getByRole("button", { name: /^Strong.* 7$/ })
      .waitFor();
    await responseWith(page, "Shops in the centre").getByRole("button", { name: /^Weak/ }).click();
    await responseWith(page, "Shops in the centre")
      .getByRole("button", { name: /^Weak.* 7$/ })
      .waitFor();

    const meter = section.getByRole("meter", { name: "Bridged standing" });
    for (let tries = 0; tries < 40 && !(await meter.count()); tries++) {
      await page.waitForTimeout(500);
      await page.reload();
      await openStanding();
    }
    await meter.waitFor();
    const groups = page.getByTestId("opinion-groups");
    await expect(groups.innerText()).resolves.toContain("Group A agrees; group B disagrees.");
    await expect(groups.getByRole("listitem").allInnerTexts()).resolves.toEqual([
      expect.stringContaining("Group A · 7 people"),
      expect.stringContaining("Group B · 6 people"),
    ]);
    // The note says what it is in plain words.
    await section.getByText("What is the bridged standing?").click();
    await section.getByText("support from one side alone counts little").waitFor();
    // The public API carries it too.
    const apiClaim = await (await fetch(`${appUrl}/api/v1/claims/${claimId}`)).json();
    expect(apiClaim.bridged).toMatchObject({ voters: 13, standing: expect.any(Number) });
    expect(apiClaim.bridged.groups.map((group: { size: number }) => group.size)).toEqual([7, 6]);
    // The raw standing is still there beside it.
    await page.getByRole("meter", { name: "Standing", exact: true }).first().waitFor();

    // "Your crux here": the reader agrees, found the air argument strong and the shops one weak.
    const crux = page.getByRole("complementary", { name: "Your crux here" });
    await expect(crux.innerText()).resolves.toMatch(
      /Shops in the centre lose the customers who drive in\.[\s\S]*your agreement rests most on this: you found it weak/,
    );

    await chooseInMenu(page, page.getByRole("button", { name: /^Order: / }), "Bridging");
    await page.waitForURL(/sort=bridging/);
    const supporting = page.getByRole("region", { name: "Supporting" }).getByTestId("response-body");
    await expect(supporting.first().innerText()).resolves.toContain("Copenhagen");
  });

  test("sources are posted with a response and shown as links with their site; readers can ask for one; exports carry them", async () => {
    const claimId = await createArticleWithClaim({
      id: "sources-article",
      title: "Sources",
      body: "NATO promised Ukraine membership in 2008. More follows.",
      claim: "NATO promised Ukraine membership in 2008.",
    });
    const author = await createAccount("sources-author");
    await respond("sources-uncited", claimId, author.id, "oppose", "The promise was withdrawn at the next summit.");
    const poster = await createAccount("sources-poster");
    const page = await newPage();
    await signInAs(page, poster);
    await page.goto(`/claims/${claimId}`);

    await page.getByRole("button", { name: "Support this claim" }).click();
    await page.getByLabel("Your supporting response").fill("Paragraph 23 says so, see www.nato.int for the ~~draft~~ final text.");
    await page.getByRole("button", { name: "Add a source" }).click();
    await page.getByLabel("Source 1: web address").fill("not an address");
    await page.getByRole("button", { name: "Post response" }).click();
    await expect(alertText(page, "must be a web address")).resolves.toContain("Your text is still here.");
    await page.getByLabel("Source 1: web address").fill("https://www.nato.int/cps/en/natolive/official_texts_8443.htm");
    await page.getByLabel("Source 1: the words you rely on (optional)").fill("NATO welcomes Ukraine's Euro-Atlantic aspirations");
    await page.getByRole("button", { name: "Post response" }).click();

    const posted = responseWith(page, "Paragraph 23");
    const link = posted.getByTestId("sources").getByRole("link", { name: "nato.int" });
    await link.waitFor();
    await expect(link.getAttribute("href")).resolves.toBe("https://www.nato.int/cps/en/natolive/official_texts_8443.htm");
    await expect(link.getAttribute("rel")).resolves.toBe("nofollow ugc noopener noreferrer");
    await posted.getByText("NATO welcomes Ukraine's Euro-Atlantic aspirations").waitFor();
    // GitHub-flavoured Markdown: the pasted address is a link, ~~draft~~ is struck through.
    await posted.getByTestId("response-body").getByRole("link", { name: "www.nato.int" }).waitFor();
    await expect(posted.getByTestId("response-body").locator("del").innerText()).resolves.toBe("draft");

    // The uncited objection: this reader asks for a source; the badge shows, and stays after a reload
    // (the shared page was rendered again).
    const uncited = responseWith(page, "withdrawn at the next summit");
    const more = uncited.getByRole("button", { name: /^More actions for/ });
    await chooseInMenu(page, more, "Needs a source");
    await uncited.getByTestId("needs-source").waitFor();
    await expect(uncited.getByTestId("needs-source").innerText()).resolves.toBe("Needs a source · 1");
    await more.click();
    await page.getByRole("menuitem", { name: "Withdraw your request for a source" }).waitFor();
    await page.keyboard.press("Escape");
    await page.reload();
    await expect(responseWith(page, "withdrawn at the next summit").getByTestId("needs-source").innerText()).resolves.toBe("Needs a source · 1");
    // The author cannot ask it of their own response; readers who are not signed in see the badge only.
    const anonymous = await newPage();
    await anonymous.goto(`/claims/${claimId}`);
    await expect(responseWith(anonymous, "withdrawn at the next summit").getByTestId("needs-source").innerText()).resolves.toBe("Needs a source · 1");
    await responseWith(anonymous, "withdrawn at the next summit")
      .getByRole("button", { name: /^More actions for/ })
      .click();
    await anonymous.getByRole("menuitem", { name: "Link to this response" }).waitFor();
    expect(await anonymous.getByRole("menuitem", { name: "Needs a source" }).count()).toBe(0);

    // Exports: the Argdown file reads in @argdown/core with the source as the statement's data; the CSV
    // has a sources column; the annotation targets our copy (this article has no original address).
    const argdown = await (await fetch(`${appUrl}/api/claims/${claimId}/export?format=argdown`)).text();
    const application = new ArgdownApplication();
    application.addPlugin(new ParserPlugin(), "parse-input");
    application.addPlugin(new DataPlugin(), "build-model");
    application.addPlugin(new ModelPlugin(), "build-model");
    const parsed = application.run({ input: argdown, process: ["parse-input", "build-model"], logLevel: "error" });
    expect(parsed.parserErrors ?? []).toEqual([]);
    const cited = Object.values(parsed.statements!).find((statement) => statement.members.some((member) => member.text?.startsWith("Paragraph 23")))!;
    expect(cited.members.map((member) => member.data)).toContainEqual({
      sources: [{ url: "https://www.nato.int/cps/en/natolive/official_texts_8443.htm", quote: "NATO welcomes Ukraine's Euro-Atlantic aspirations" }],
    });
    const csv = await (await fetch(`${appUrl}/api/articles/sources-article/export?format=responses.csv`)).text();
    expect(csv.split("\n")[0]).toContain(",text,sources");
    expect(csv).toContain(`https://www.nato.int/cps/en/natolive/official_texts_8443.htm ""NATO welcomes Ukraine's Euro-Atlantic aspirations""`);
    const annotation = await (await fetch(`${appUrl}/api/claims/${claimId}/export?format=annotation`)).json();
    expect(annotation.target).toEqual([expect.objectContaining({ source: expect.stringMatching(/\/articles\/sources-article$/) })]);
  });
});
