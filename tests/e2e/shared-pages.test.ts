// Issue 17: debate pages are rendered once per change and shared by everyone (server/page-cache.ts);
// each person's own layer (votes, follows, what they may do, their name) arrives separately
// (GET /api/viewer), and open pages follow changes from the live stream without a new render.
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { appSql, createArticleWithClaim } from "../support/app-database";
import { appUrl, chooseInMenu, chromiumPath, pageAs as pageAsIn, postArgument, setUpBrowser } from "../support/browser";
import { createAccount, postResponseAs, signedIn, type TestAccount } from "../support/http";

const newPage = setUpBrowser();

const pageAs = (account: TestAccount) => pageAsIn(newPage, account);

/** Page loads and refreshes (React Server Component requests) the page makes from now on. */
function rendersAskedBy(page: Page) {
  const asked: string[] = [];
  page.on("request", (request) => {
    const headers = request.headers();
    // Prefetches of the page's links (sign-in, the log) are not this page being rendered again.
    if (headers["next-router-prefetch"]) return;
    if (request.resourceType() === "document" || headers.rsc || request.url().includes("_rsc=")) asked.push(request.url());
  });
  return asked;
}

const responseWith = (page: Page, text: string) => page.getByTestId("response").filter({ hasText: text }).first();

describe.skipIf(!chromiumPath)("pages shared by every reader", () => {
  test("two people with different votes and roles get the same shared page and only their own layer; moderators see what they must", async () => {
    const claimId = await createArticleWithClaim({
      id: "shared-privacy-article",
      title: "Shared pages and private layers",
      body: "Cities should make their buses free to ride. Fares pay for a small part of running them.",
      claim: "Cities should make their buses free to ride.",
    });
    const ada = await createAccount("adalind");
    const mod = await createAccount("moemod", { role: "moderator" });
    const writer = await createAccount("wesley");
    const hiddenText = "A response that moderators hid, which readers must never see on a shared page.";
    const shownText = "Free buses fill up, which is the point: fewer cars in the centre.";
    const writerClient = await signedIn(appUrl, writer);
    for (const body of [shownText, hiddenText]) {
      await postResponseAs(writerClient, claimId, body);
    }
    await appSql(`update "Response" set "hiddenAt" = now() where body = $1`, [hiddenText]);

    const { page: adaPage, client: adaClient } = await pageAs(ada);
    expect((await adaClient.voteOnClaim(claimId, "agree")).result.ok).toBe(true);
    // The worker recomputes the claim's bridged standing a few seconds after the vote, and that renders
    // the shared page anew: compare pages once it has (the vote counted, nothing pending).
    for (let tries = 0; tries < 150; tries++) {
      const [{ settled }] = await appSql<{ settled: boolean }>(
        `select exists (select 1 from "ClaimBridging" where "claimId" = $1 and voters >= 1)
           and not exists (select 1 from graphile_worker.jobs where task_identifier = 'recompute_bridging') as settled`,
        [claimId],
      );
      if (settled) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const { page: modPage } = await pageAs(mod);

    // Ada's page is the shared render, with her layer: her name, her vote.
    const adaLoad = await adaPage.goto(`/claims/${claimId}`);
    expect(adaLoad!.headers()["x-arguably-cache"]).toMatch(/^(hit|miss)$/);
    await adaPage.getByTestId("signed-in-user").getByText("adalind").waitFor();
    await adaPage.getByRole("button", { name: "Agree 1", pressed: true }).waitFor();
    expect(await adaPage.getByText(hiddenText).count()).toBe(0);

    // The moderator's page is rendered for him: the hidden response with its notice, his name, no vote of Ada's.
    const modLoad = await modPage.goto(`/claims/${claimId}`);
    expect(modLoad!.headers()["x-arguably-cache"]).toBeUndefined();
    await modPage.getByTestId("signed-in-user").getByText("moemod").waitFor();
    await responseWith(modPage, hiddenText).getByText("Hidden pending a moderator's review").waitFor();
    await modPage.getByRole("button", { name: "Agree 1", pressed: false }).waitFor();
    expect(await modPage.getByText("adalind").count()).toBe(0);

    // The bytes Ada's browser got are the bytes anyone gets: nobody's name, vote or hidden text is in them.
    const asAda = await (await fetch(`${appUrl}/claims/${claimId}`, { headers: { cookie: adaClient.cookieHeader } })).text();
    const asAnyone = await (await fetch(`${appUrl}/claims/${claimId}`)).text();
    expect(asAda).toBe(asAnyone);
    for (const secret of ["adalind", "moemod", hiddenText, "signed-in-user"]) expect(asAnyone).not.toContain(secret);
    expect(asAnyone).toContain(shownText);

    // Each layer is its person's own.
    const layerOf = async (cookie?: string) =>
      (await (await fetch(`${appUrl}/api/viewer?article=shared-privacy-article`, { headers: cookie ? { cookie } : {} })).json()) as {
        user: { name: string } | null;
        claimVotes: Record<string, string>;
        personal: boolean;
      };
    const adaLayer = await layerOf(adaClient.cookieHeader);
    expect(adaLayer.user?.name).toBe("adalind");
    expect(adaLayer.claimVotes).toEqual({ [claimId]: "agree" });
    expect(adaLayer.personal).toBe(false);
    expect(await layerOf()).toMatchObject({ user: null, claimVotes: {}, personal: false });

    // An anonymous reader of the same cached page: a way to sign in, nobody's vote.
    const anonymous = await newPage();
    await anonymous.goto(`/claims/${claimId}`);
    await anonymous.getByRole("link", { name: "Sign in to vote" }).waitFor();
    await anonymous.getByRole("button", { name: "Agree 1", pressed: false }).waitFor();
    expect(await anonymous.getByTestId("signed-in-user").count()).toBe(0);
  });

  test("a second reader's page takes a new response, votes, an edit and a removal in place, without a reload or a render", async () => {
    const claimId = await createArticleWithClaim({
      id: "shared-live-article",
      title: "Live pages",
      body: "Four-day weeks raise output per hour. Trials in several countries say so.",
      claim: "Four-day weeks raise output per hour.",
    });
    const poster = await createAccount("piaposter");
    const voter = await createAccount("vicvoter");
    const { page: posterPage } = await pageAs(poster);
    const reader = await newPage();
    await reader.goto(`/claims/${claimId}`);
    await reader.getByText("No supporting responses yet.").waitFor();
    await reader.evaluate(() => ((window as unknown as { samePage: boolean }).samePage = true));
    const asked = rendersAskedBy(reader);

    // Pia posts from her page: it shows at once from the answer, and on the reader's page from the stream.
    await posterPage.goto(`/claims/${claimId}`);
    const argument = "Trials in Iceland and the UK kept output level while hours fell by a fifth.";
    await postArgument(posterPage, "support", argument);
    await responseWith(posterPage, argument).waitFor();
    await responseWith(reader, argument).waitFor({ timeout: 10_000 });
    await reader.getByRole("region", { name: "Supporting" }).getByText("(1)").waitFor();
    expect(await reader.getByText("No supporting responses yet.").count()).toBe(0);
    await expect(reader.getByTestId("standing-label").first().innerText()).resolves.toBe("No votes yet");

    // A vote on the claim and one on the response.
    const voterClient = await signedIn(appUrl, voter);
    expect((await voterClient.voteOnClaim(claimId, "disagree")).result.ok).toBe(true);
    await reader.getByRole("button", { name: "Disagree 1" }).waitFor({ timeout: 10_000 });
    await expect(reader.getByTestId("standing-label").first().innerText()).resolves.toBe("Too few votes to say (0 agree, 1 disagree)");
    const [{ id: responseId }] = await appSql<{ id: string }>(`select id from "Response" where body = $1`, [argument]);
    const { text: voted } = await voterClient.callAction(
      { file: "app/claims/[id]/actions.ts", name: "voteOnResponseAction", page: `/claims/${claimId}` },
      { claimId, responseId, value: "strong" },
    );
    expect(voted).toContain('"ok":true');
    await responseWith(reader, argument)
      .getByRole("button", { name: /^Strong.* 1$/ })
      .waitFor({ timeout: 10_000 });

    // An edit shows its new text; a moderator's removal takes its text off the page and leaves a placeholder.
    const revised = `${argument} Sick days fell too.`;
    await chooseInMenu(posterPage, responseWith(posterPage, argument).getByRole("button", { name: /^More actions for/ }), "Edit");
    await posterPage.getByLabel("Edit your response").fill(revised);
    await posterPage.getByRole("button", { name: "Save changes" }).click();
    await responseWith(reader, "Sick days fell too.").getByRole("link", { name: "edited" }).waitFor({ timeout: 10_000 });
    const moderator = await signedIn(appUrl, await createAccount("maxmod", { role: "moderator" }));
    const [{ moderationVersion }] = await appSql<{ moderationVersion: number }>(`select "moderationVersion" from "Response" where id = $1`, [responseId]);
    const { text: removed } = await moderator.callAction(
      { file: "app/moderation/actions.ts", name: "moderateAction", page: "/moderation" },
      {
        target: { type: "response", id: responseId },
        action: "remove",
        version: moderationVersion,
        ruleId: "rule-off-topic",
        note: "Off topic",
        duplicateOfId: null,
        text: null,
      },
    );
    expect(removed).toContain('"ok":true');
    await reader.getByText("Sick days fell too.").waitFor({ state: "detached", timeout: 10_000 });
    // In its place, the placeholder with the rule, from the live update alone.
    await reader.getByTestId("response-placeholder").filter({ hasText: "Removed by a moderator: Off-topic." }).waitFor();

    // All of it without leaving the page or asking the server for a page.
    expect(await reader.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBe(true);
    expect(asked).toEqual([]);
  });
});
