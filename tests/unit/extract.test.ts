import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { stopEncoder } from "@/lib/ingest/encoder";
import { extractArticle, extractHtmlArticle } from "@/lib/ingest/extract";
import { ExtractionError, prepareArticle, slugify } from "@/lib/ingest";

afterAll(stopEncoder);

const seed = (name: string) => fs.readFileSync(path.join("content", "seeds", name), "utf8");

function allText(article: ReturnType<typeof extractArticle>) {
  return [article.title, article.byline ?? "", ...article.blocks.map((block) => block.text)].join("\n").toLowerCase();
}

describe("extract: the Worldcrunch scrape (paywall, captions, pull quote, unrelated teaser)", () => {
  const article = extractArticle(seed("korea-scenario.txt"));

  test("finds the headline and the author", () => {
    expect(article.title).toBe("Why The U.S. May Be Pushing The Controversial “Korea Scenario” For Ukraine");
    expect(article.byline).toBe("Yuri Fedorov");
  });

  test("starts with the first paragraph and ends with the last one", () => {
    expect(article.blocks[0]).toEqual({ kind: "paragraph", text: expect.stringMatching(/^The final communiqué of the NATO summit/) });
    expect(article.blocks.at(-1)?.text).toMatch(/^This would mean tectonic shifts/);
  });

  test("keeps section headings as headings", () => {
    expect(article.blocks.filter((block) => block.kind === "heading").map((block) => block.text)).toEqual([
      "Nuclear factor",
      "Fear of the new",
      "Tectonic shifts",
    ]);
  });

  test("drops navigation, paywall prompts, captions, credits, the pull quote and the unrelated teaser", () => {
    const text = allText(article);
    for (const phrase of [
      "sign up",
      "subscriber",
      "free trial",
      "reached your limit",
      "per month",
      "photo of",
      "via zuma",
      "a file photo of the dmz",
      "stay up-to-date",
      "parenthood",
      "threesome",
      "keep reading",
      "exclusive coverage",
    ]) {
      expect(text, phrase).not.toContain(phrase);
    }
    const pullQuote = "Careers dedicated to seeking a compromise with the Soviet Union and, later, with Russia.";
    expect(article.blocks.map((block) => block.text)).not.toContain(pullQuote);
  });
});

describe("extract: the Responsible Statecraft scrape (standfirst, image name, teasers of other stories)", () => {
  const article = extractArticle(seed("nato-ukraine-invite.txt"));

  test("finds the headline and no author where the page names none", () => {
    expect(article.title).toBe("Time to start thinking about walking away from NATO invite to Ukraine");
    expect(article.byline).toBeNull();
  });

  test("keeps exactly the fifteen paragraphs of the article", () => {
    expect(article.blocks).toHaveLength(15);
    expect(article.blocks[0].text).toMatch(/^Ukraine will not join NATO — not now/);
    expect(article.blocks.at(-1)?.text).toMatch(/^In addition to pledging to bolster NATO defenses/);
  });

  test("drops the related-story teasers that follow the article", () => {
    const text = allText(article);
    for (const phrase of ["us-mexico", "colombia", "9/11", "shutterstock", "editorial credit", "follow us", "analysis | europe", "newsletter"]) {
      expect(text, phrase).not.toContain(phrase);
    }
  });
});

describe("extract: rules that hold on other sites", () => {
  test("a page with a menu, a byline line and a related-stories list", () => {
    const page = [
      "Home",
      "World",
      "Opinion",
      "Subscribe",
      "Cities should stop building parking garages",
      "By Jane Q. Doe",
      "Downtown parking garages cost cities far more than they return, and the money would do more good in transit.",
      "A single structured parking space now costs upwards of $30,000 to build, before maintenance and land.",
      "Most garages sit half empty outside of peak hours, which means taxpayers subsidise idle concrete.",
      "Share this article",
      "Related stories",
      "Why bike lanes pay for themselves within a decade of opening to riders.",
      "How one town rebuilt its main street without a single new garage in it.",
    ].join("\n");
    const article = extractArticle(page);
    expect(article.title).toBe("Cities should stop building parking garages");
    expect(article.byline).toBe("Jane Q. Doe");
    expect(article.blocks.map((block) => block.text)).toEqual([
      "Downtown parking garages cost cities far more than they return, and the money would do more good in transit.",
      "A single structured parking space now costs upwards of $30,000 to build, before maintenance and land.",
      "Most garages sit half empty outside of peak hours, which means taxpayers subsidise idle concrete.",
    ]);
  });

  test("a one-line paragraph between paragraphs is the article's (an op-ed's verdict), and a newsletter line inside it is not", () => {
    const page = [
      "The Lakeside Courier",
      "Opinion",
      "Ferries should run until midnight",
      "By Tomas Lind",
      "The last ferry across the lake leaves at nine, an hour before most restaurants on the far shore close.",
      "That is too early.",
      "Sign up for the Courier's evening edition",
      "Get the best of our opinion writing delivered to your inbox.",
      "Workers in the old town wait for a bus that takes forty minutes to go round the water by road.",
      "Extending the timetable would cost the county less than it spends each year repainting the piers.",
      "Nobody should need a car to get home from work.",
      "Read more: The piers that time forgot",
    ].join("\n");
    expect(extractArticle(page).blocks.map((block) => block.text)).toEqual([
      "The last ferry across the lake leaves at nine, an hour before most restaurants on the far shore close.",
      "That is too early.",
      "Workers in the old town wait for a bus that takes forty minutes to go round the water by road.",
      "Extending the timetable would cost the county less than it spends each year repainting the piers.",
      "Nobody should need a car to get home from work.",
    ]);
  });

  test("input with no prose is refused with a clear error", () => {
    expect(() => extractArticle("Home\nNews\nSign in\nSubscribe")).toThrow(ExtractionError);
    expect(() => extractArticle("")).toThrow("No article text found");
  });
});

describe("extract: the original's text, for annotations that point into the original", () => {
  test("a page keeps its whole body text as a browser reads it, navigation included; pasted text stays as given", () => {
    const page = `<html><head><title>Fares</title></head><body><nav>Home | World</nav><article><h1>Fares</h1>
<p>${"Free buses fill up, which is the point of making them free. ".repeat(8)}</p><p>Cities that tried it kept it.</p></article></body></html>`;
    const extracted = extractHtmlArticle(page);
    expect(extracted.blocks.map((block) => block.text).join(" ")).not.toContain("Home | World");
    // Readability rewrites the document it reads: the original's text is taken before it does.
    expect(extracted.originalText.startsWith("Home | World")).toBe(true);
    expect(extracted.originalText).toContain("Cities that tried it kept it.");
    const pasted = `Menu\r\n\r\n${"The   article's text goes on at length, one   sentence after another of it. ".repeat(6)}`;
    expect(extractArticle(pasted).originalText).toBe(pasted);
  });
});

describe("prepareArticle", () => {
  test("block offsets point at the block text inside the stored body", async () => {
    const raw = seed("korea-scenario.txt");
    const prepared = await prepareArticle(raw);
    const extracted = extractArticle(raw);
    expect(prepared.blocks.map((block) => prepared.body.slice(block.start, block.end))).toEqual(extracted.blocks.map((block) => block.text));
    expect(prepared.sourceHash).toMatch(/^[0-9a-f]{64}$/);
    expect((await prepareArticle(raw)).sourceHash).toBe(prepared.sourceHash);
  });

  test("slugs are readable and URL-safe", () => {
    expect(slugify("Why The U.S. May Be Pushing The Controversial “Korea Scenario” For Ukraine")).toBe(
      "why-the-us-may-be-pushing-the-controversial-korea-scenario-for-ukraine",
    );
    expect(slugify("Élan & café: ¿qué?")).toBe("elan-cafe-que");
    expect(slugify("!!!")).toBe("article");
    expect(slugify("word ".repeat(40)).length).toBeLessThanOrEqual(80);
  });
});

describe("what a page says about itself", () => {
  const paragraph = (topic: string) =>
    `Remote work changed how ${topic} is organised, and the change has been larger than most managers expected when offices first closed.`;

  test("a pasted page: the section label and kicker are never the title; byline, date and site come from the lines around it", () => {
    const raw = [
      "Business / Work",
      "OPINION",
      "Is the office finished?",
      "By Ada Quill | 3 February 2026",
      paragraph("the week"),
      paragraph("the team"),
      "© 2026 The Morning Dispatch. All rights reserved.",
    ].join("\n");
    const article = extractArticle(raw, "https://www.dispatch.example/opinion/office");
    expect(article.title).toBe("Is the office finished?");
    expect(article.byline).toBe("Ada Quill");
    expect(article.metadata).toEqual({
      sourceUrl: "https://www.dispatch.example/opinion/office",
      siteName: "The Morning Dispatch",
      publishedAt: new Date("2026-02-03T00:00:00Z"),
      language: "en",
    });
    expect(article.blocks.map((block) => block.text).join(" ")).not.toContain("Business");
  });

  test.each([
    ["Priya Nair, Health Correspondent", "Tuesday 8 September 2026"],
    ["By Marcus Bell, Environment Reporter", "Updated 14 October 2026"],
    ["Sam Ortiz | Transport reporter", "8 September 2026"],
    ["By Lee Chan – Senior Political Correspondent", "September 8, 2026"],
    // Byline and date on one line: the separator between them goes, the name stays apart from the role.
    ["By Marcus Bell, Environment Reporter | 8 September 2026", ""],
    ["Marcus Bell, Environment Reporter — September 8, 2026", ""],
  ])("a news page: the heading between the section label and a byline naming a beat (%s) is the title; name and date stay apart", (byline, dateLine) => {
    const raw = [
      "The Valley Courier",
      "News | Sport | Health",
      "HEALTH",
      "Waiting times rise for a third month",
      byline,
      dateLine,
      paragraph("the week"),
      paragraph("the ward"),
    ].join("\n");
    const article = extractArticle(raw);
    expect(article.title).toBe("Waiting times rise for a third month");
    expect(article.byline).toBe(byline.replace(/^By /, "").split(/,| \| | – | — /)[0]);
    expect(article.metadata.publishedAt?.toISOString().slice(0, 10)).toBe("2026-09-08".replace("09-08", dateLine.includes("October") ? "10-14" : "09-08"));
    expect(article.blocks.map((block) => block.text).join(" ")).not.toMatch(/Correspondent|reporter|Reporter/);
  });

  test("without a copyright line the site is the address's host; without a date there is none", () => {
    const article = extractArticle(["A headline for the page", paragraph("the week"), paragraph("the day")].join("\n"), "https://news.example.org/a");
    expect(article.metadata).toMatchObject({ siteName: "news.example.org", publishedAt: null });
  });

  test("an HTML page: Readability's site name, published time and the page's language", () => {
    const html = `<!doctype html><html lang="en-GB"><head><title>Offices | The Dispatch</title>
      <meta property="og:site_name" content="The Morning Dispatch"><meta property="article:published_time" content="2026-02-03T08:00:00Z"></head>
      <body><article><p class="kicker">Business | Work</p><h1>Offices</h1><p>${paragraph("the week")}</p><p>${paragraph("the day")}</p></article></body></html>`;
    const article = extractHtmlArticle(html, "https://dispatch.example/offices");
    expect(article.title).toBe("Offices");
    expect(article.metadata).toEqual({
      sourceUrl: "https://dispatch.example/offices",
      siteName: "The Morning Dispatch",
      publishedAt: new Date("2026-02-03T08:00:00Z"),
      language: "en-GB",
    });
  });
});
