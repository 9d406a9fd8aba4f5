// The outline of a whole debate, from the keyboard as a screen-reader user would move through it (the
// WAI-ARIA tree pattern), with the claim's vote distribution in words; no serious axe violations.
import { describe, expect, test } from "vitest";
import { appSql, createArticleWithClaim } from "../support/app-database";
import { seriousViolations } from "../support/axe";
import { chromiumPath, setUpBrowser, chooseInMenu } from "../support/browser";

const newPage = setUpBrowser();

async function debate() {
  const claim = "Night trains should replace short flights.";
  await createArticleWithClaim({ id: "outline-article", title: "Night trains", body: `${claim} They emit far less.`, claim });
  await appSql(
    `insert into "User" (id, email, name, "createdAt", "updatedAt") select 'outline-user-' || n, 'outline-' || n || '@example.com', 'Traveller ' || n, now(), now() from generate_series(1, 3) n`,
  );
  await appSql(
    `insert into "Response" (id, "claimId", "parentId", stance, "authorId", body, "createdAt") values
     ('o-a', 'outline-claim', null, 'support', 'outline-user-1', 'A sleeper from Vienna to Paris emits a tenth of the flight.', now() - interval '5 minutes'),
     ('o-b', 'outline-claim', null, 'oppose', 'outline-user-2', 'Night trains are slower door to door.', now() - interval '4 minutes'),
     ('o-a1', 'outline-claim', 'o-a', 'oppose', 'outline-user-2', 'Only when the train is full.', now() - interval '3 minutes'),
     ('o-a2', 'outline-claim', 'o-a', 'support', 'outline-user-3', 'Rail runs on renewables in much of Europe.', now() - interval '2 minutes'),
     ('o-a1a', 'outline-claim', 'o-a1', 'support', 'outline-user-3', 'Sleepers run at 80 percent occupancy on average.', now() - interval '1 minute')`,
  );
  await appSql(`insert into "ResponseVote" ("responseId", "userId", value) values ('o-a', 'outline-user-2', 'strong'), ('o-a', 'outline-user-3', 'strong')`);
  await appSql(
    `insert into "ClaimVote" ("claimId", "userId", value) values ('outline-claim', 'outline-user-1', 'agree'), ('outline-claim', 'outline-user-2', 'agree'), ('outline-claim', 'outline-user-3', 'disagree')`,
  );
}

describe.skipIf(!chromiumPath)("the outline of a debate", () => {
  test("is reached from the claim page, reads its votes in words, and is navigable from the keyboard", { timeout: 60_000 }, async () => {
    await debate();
    const page = await newPage();
    await page.goto("/claims/outline-claim");
    await chooseInMenu(page, page.getByRole("button", { name: "Claim actions" }), "The whole debate as a map");
    await page.waitForURL(/\/claims\/outline-claim\/outline$/);
    await expect(page.getByTestId("vote-distribution").innerText()).resolves.toBe("2 agree (67%), 1 disagree (33%)");
    await expect(page.getByRole("img", { name: "2 agree (67%), 1 disagree (33%)" }).count()).resolves.toBe(1);

    const tree = page.getByRole("tree", { name: "The debate as an outline" });
    const focusedText = () => page.evaluate(() => (document.activeElement as HTMLElement).querySelector("div")?.innerText ?? "");
    // Strongest first: the twice-"strong" argument leads; its replies are shown, deeper ones closed.
    await tree.getByRole("treeitem").first().focus();
    await expect(focusedText()).resolves.toContain("A sleeper from Vienna to Paris");
    await expect(tree.getByText("Sleepers run at 80 percent occupancy on average.").isVisible()).resolves.toBe(false);

    await page.keyboard.press("ArrowDown");
    await expect(focusedText()).resolves.toContain("Only when the train is full."); // A1 (strengthened by its reply) before A2
    await expect(page.evaluate(() => document.activeElement?.getAttribute("aria-expanded"))).resolves.toBe("false");
    await page.keyboard.press("ArrowRight");
    await expect(page.evaluate(() => document.activeElement?.getAttribute("aria-expanded"))).resolves.toBe("true");
    await expect(tree.getByText("Sleepers run at 80 percent occupancy on average.").isVisible()).resolves.toBe(true);
    await page.keyboard.press("ArrowRight");
    await expect(focusedText()).resolves.toContain("Sleepers run at 80 percent");
    await expect(page.evaluate(() => document.activeElement?.getAttribute("aria-level"))).resolves.toBe("3");
    await page.keyboard.press("ArrowLeft");
    await expect(focusedText()).resolves.toContain("Only when the train is full.");
    await page.keyboard.press("ArrowLeft");
    await expect(tree.getByText("Sleepers run at 80 percent occupancy on average.").isVisible()).resolves.toBe(false);
    await page.keyboard.press("End");
    await expect(focusedText()).resolves.toContain("Night trains are slower door to door.");
    await expect(focusedText()).resolves.toContain("✗ Opposes");
    await page.keyboard.press("Home");
    await expect(focusedText()).resolves.toContain("✓ Supports");
    // One tab stop: exactly one item is focusable.
    await expect(page.locator('[role=treeitem][tabindex="0"]').count()).resolves.toBe(1);
    expect(await seriousViolations(page)).toEqual([]);

    await page.keyboard.press("Enter");
    await page.waitForURL(/\/responses\/o-a$/);
  });

  test("the argument map draws support and attack differently, zooms, and focuses on a thread", { timeout: 60_000 }, async () => {
    const page = await newPage();
    await page.goto("/claims/outline-claim/outline");
    const map = page.getByTestId("argument-map");
    await expect(map.getAttribute("aria-label")).resolves.toBe(
      "Argument map: the claim with 3 supporting and 2 opposing responses. The outline below holds the same debate.",
    );
    await expect(map.locator("[data-node]").count()).resolves.toBe(6); // the claim and five responses
    // Attacks are dashed and marked "−", supports solid and marked "+": not colour alone.
    await expect(map.locator('[data-edge="attack"] line[stroke-dasharray]').count()).resolves.toBe(2);
    await expect(map.locator('[data-edge="support"] line[stroke-dasharray]').count()).resolves.toBe(0);
    await expect(map.locator('[data-edge="attack"] text').allTextContents()).resolves.toEqual(["−", "−"]);
    const viewBox = async () => (await map.getAttribute("viewBox"))!.split(" ").map(Number);
    const [, , fullWidth] = await viewBox();

    await page.getByRole("button", { name: "Zoom in" }).click();
    expect((await viewBox())[2]).toBeLessThan(fullWidth);
    await page.getByRole("button", { name: "Fit" }).click();
    expect((await viewBox())[2]).toBe(fullWidth);

    // Focus on the thread of the strongest argument: the view narrows to its box and its replies.
    await map.locator('[data-node="o-a"]').click();
    const [x, y, width] = await viewBox();
    expect(width).toBeLessThan(fullWidth);
    const transform = (id: string) => map.locator(`[data-node="${id}"]`).getAttribute("transform");
    for (const id of ["o-a", "o-a1", "o-a2", "o-a1a"]) {
      const [nodeX, nodeY] = /translate\(([-\d.]+) ([-\d.]+)\)/
        .exec((await transform(id))!)!
        .slice(1)
        .map(Number);
      expect(nodeX >= x && nodeX < x + width && nodeY >= y, id).toBe(true);
    }
    const [otherX] = /translate\(([-\d.]+) /
      .exec((await transform("o-b"))!)!
      .slice(1)
      .map(Number);
    expect(otherX < x || otherX >= x + width).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
