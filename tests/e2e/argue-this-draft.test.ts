// Issue 28, item 6: "Argue this" has a draft. Selecting words opens a composer with the words as they
// snapped and an optional first argument; nothing is public until Publish. A selection that is not a
// whole sentence is offered the whole sentence first. The raiser may withdraw the claim while nobody
// else has voted on it or answered it, and the withdrawal is logged.
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, test } from "vitest";
import { appSql, createArticleWithClaim } from "../support/app-database";
import { appUrl, chromiumPath, DESKTOP, dragOver, pageAs, setUpBrowser } from "../support/browser";
import { createAccount, signedIn } from "../support/http";

const newPage = setUpBrowser();
const MARKED = "The city should build a tram line to the airport.";
const FIRST = "Buses already take forty minutes to get there at rush hour.";
const SECOND = "A tram would carry four times as many people for the same road space.";
const THIRD = "Construction would close the main road for two whole summers.";
const ARTICLE = "/articles/draft-article";

const claimsInArticle = async () => (await appSql<{ n: number }>(`select count(*)::int as n from "Claim" where "articleId" = 'draft-article'`))[0].n;

beforeAll(async () => {
  await createArticleWithClaim({
    id: "draft-article",
    title: "A tram to the airport",
    body: `${MARKED} ${FIRST} ${SECOND} ${THIRD}`,
    claim: MARKED,
    suffix: ` ${FIRST.slice(0, 20)}`,
  });
});

async function composer(page: Page) {
  const bar = page.getByTestId("argue-bar");
  await bar.waitFor();
  return bar;
}

describe.skipIf(!chromiumPath)("'Argue this' has a draft", () => {
  test("a selection opens a composer; nothing is public until Publish; the first argument goes with the claim", async () => {
    const { page } = await pageAs(newPage, await createAccount("dora-draft"), DESKTOP);
    await page.goto(ARTICLE);
    await page.getByTestId("signed-in-user").waitFor();
    await dragOver(page, FIRST.slice(2, -3));
    const bar = await composer(page);
    await bar.getByText(`“${FIRST}”`).waitFor();
    // Opening the composer and writing in it stores nothing.
    await bar.getByRole("radio", { name: "Oppose it" }).check();
    const argument = "Bus lanes would cut the journey to twenty minutes for a fraction of the cost.";
    await bar.getByLabel("Your first argument (optional)").fill(argument);
    expect(await claimsInArticle()).toBe(1);
    await bar.getByRole("button", { name: "Publish claim" }).click();
    await page.waitForURL(/\?claim=/);
    const claimId = new URL(page.url()).searchParams.get("claim")!;
    const [claim] = await appSql(`select exact, origin::text from "Claim" where id = $1`, [claimId]);
    expect(claim).toEqual({ exact: FIRST, origin: "reader" });
    const [response] = await appSql(`select stance::text, body from "Response" where "claimId" = $1`, [claimId]);
    expect(response).toEqual({ stance: "oppose", body: argument });
    await page.getByTestId("claim-discussion").getByText(argument).waitFor();
  });

  test("cancel leaves nothing behind; a few words are offered the whole sentence first", async () => {
    const { page } = await pageAs(newPage, await createAccount("cass-cancel"), DESKTOP);
    await page.goto(ARTICLE);
    await page.getByTestId("signed-in-user").waitFor();
    await dragOver(page, "four times as many people");
    const bar = await composer(page);
    const choices = bar.getByRole("button");
    await expect(choices.first().innerText()).resolves.toBe("Argue the whole sentence");
    await bar.getByRole("button", { name: "Argue the whole sentence" }).click();
    await bar.getByText(`“${SECOND}”`).waitFor();
    await bar.getByRole("button", { name: "Cancel" }).click();
    await bar.waitFor({ state: "detached" });
    expect(await claimsInArticle()).toBeLessThanOrEqual(2);
    expect((await appSql(`select count(*)::int as n from "Claim" where exact = $1`, [SECOND]))[0].n).toBe(0);
  });

  test("the raiser withdraws a claim nobody else has touched; once someone votes, it stays", async () => {
    const raiserAccount = await createAccount("wren-withdraw");
    const { page } = await pageAs(newPage, raiserAccount, DESKTOP);
    await page.goto(ARTICLE);
    await page.getByTestId("signed-in-user").waitFor();
    await dragOver(page, THIRD.slice(1, -1));
    const bar = await composer(page);
    await bar.getByRole("button", { name: "Publish claim" }).click();
    await page.waitForURL(/\?claim=/);
    const claimId = new URL(page.url()).searchParams.get("claim")!;

    await page.goto(`/claims/${claimId}`);
    await page.getByRole("button", { name: "Claim actions" }).click();
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("menuitem", { name: "Withdraw this claim" }).click();
    await page.waitForURL(/\/articles\/draft-article/);
    expect((await appSql(`select count(*)::int as n from "Claim" where id = $1`, [claimId]))[0].n).toBe(0);
    const [entry] = await appSql(`select action, "targetType" from "ModerationAction" where "targetId" = $1`, [claimId]);
    expect(entry).toEqual({ action: "withdraw_claim", targetType: "claim" });

    // Raised again, and voted on by someone else: withdrawing is refused, with the reason.
    await dragOver(page, THIRD.slice(1, -1));
    await (await composer(page)).getByRole("button", { name: "Publish claim" }).click();
    await page.waitForURL(/\?claim=/);
    const again = new URL(page.url()).searchParams.get("claim")!;
    const other = await signedIn(appUrl, await createAccount("otto-other"));
    expect((await other.voteOnClaim(again, "agree")).result.ok).toBe(true);
    const raiser = await signedIn(appUrl, raiserAccount);
    const result = await raiser.action({ file: "app/claims/[id]/actions.ts", name: "withdrawClaimAction", page: `/claims/${again}` }, { claimId: again });
    expect(result).toMatchObject({ ok: false, status: 409 });
    expect(result.ok ? "" : result.error).toMatch(/someone else has (voted|answered)/i);
    expect((await appSql(`select count(*)::int as n from "Claim" where id = $1`, [again]))[0].n).toBe(1);
  });
});
