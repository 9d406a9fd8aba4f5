// Editors' feeds (issue 32) against real HTTP servers on this machine (named in FETCH_ALLOW_HOSTS):
// RSS 2.0, Atom and JSON Feed; a feed that changes; ETag answered with 304; a feed that fails, backs
// off, then recovers; each entry imported once, and an article already here not again.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startLocalSite } from "../support/local-site";

const state = { items: 2, etag: '"v1"', failing: 0, conditional: 0, rss: 0 };
const article = (n: number) => `<!doctype html><html><head><title>Feed article ${n}</title></head><body><article><h1>Bus lanes, part ${n}</h1>
<p>By Omar Haddad</p><p>The city should paint bus lanes on every main road by ${2026 + n}, because buses stuck in traffic lose riders every week.</p>
<p>Drivers will complain for a month and then forget, as they did in every city that tried it (${n}).</p></article></body></html>`;
const rss = (count: number, here: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>The Transit Desk</title><link>${here}/</link>
${Array.from({ length: count }, (_, i) => `<item><title>Part ${i + 1}</title><link>${here}/article/${i + 1}?utm_source=rss</link><guid>transit-${i + 1}</guid></item>`).join("")}
</channel></rss>`;

const site = await startLocalSite((request, response, here) => {
  const url = new URL(request.url ?? "/", here);
  if (url.pathname === "/rss.xml") {
    state.rss++;
    if (request.headers["if-none-match"] === state.etag) {
      state.conditional++;
      response.writeHead(304, { ETag: state.etag });
      return response.end();
    }
    response.writeHead(200, { "Content-Type": "application/rss+xml; charset=utf-8", ETag: state.etag });
    return response.end(rss(state.items, here));
  }
  if (url.pathname === "/atom.xml") {
    response.writeHead(200, { "Content-Type": "application/atom+xml" });
    return response.end(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom desk</title>
<entry><id>urn:atom:7</id><title>Seven</title><link href="${here}/article/7"/><updated>2026-12-07T00:00:00Z</updated></entry>
<entry><id>urn:atom:1</id><title>Part one again</title><link href="${here}/article/1"/><updated>2026-12-06T00:00:00Z</updated></entry></feed>`);
  }
  if (url.pathname === "/feed.json") {
    response.writeHead(200, { "Content-Type": "application/feed+json" });
    return response.end(
      JSON.stringify({ version: "https://jsonfeed.org/version/1.1", title: "JSON desk", items: [{ id: "j-8", url: `${here}/article/8`, title: "Eight" }] }),
    );
  }
  if (url.pathname === "/flaky.xml") {
    if (state.failing > 0) {
      state.failing--;
      response.writeHead(500);
      return response.end("down");
    }
    response.writeHead(200, { "Content-Type": "application/rss+xml" });
    return response.end(rss(0, here));
  }
  const match = /^\/article\/(\d+)$/.exec(url.pathname);
  if (match) {
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    return response.end(article(Number(match[1])));
  }
  response.writeHead(404);
  response.end();
});
const base = site.base;

const { createUser } = await import("@/lib/accounts/create-user");
const { getSessionUserById } = await import("@/lib/accounts/users");
const { getDb } = await import("@/lib/db/client");
const { addFeed } = await import("@/lib/feeds/feed-commands");
const { fetchFeed, importFeedItem, retryAfterMinutes } = await import("@/lib/feeds/fetch-feed");
type Person = NonNullable<Awaited<ReturnType<typeof getSessionUserById>>>;

let editor: Person;
let reader: Person;

beforeAll(async () => {
  // One after the other, each given its role: the first account on a site becomes its admin, and two
  // created at once would leave to chance which of them that is (CI once made the reader the admin).
  const e = await createUser({ email: "editor@example.com", name: "Edith" });
  const r = await createUser({ email: "reader@example.com", name: "Rae" });
  await getDb().user.update({ where: { id: e.id }, data: { role: "editor" } });
  await getDb().user.update({ where: { id: r.id }, data: { role: "user" } });
  editor = (await getSessionUserById(e.id))!;
  reader = (await getSessionUserById(r.id))!;
});
afterAll(site.close);

/** Runs the queued entry imports of a feed, as the worker would. */
async function importQueued(feedId: string) {
  for (const item of await getDb().feedItem.findMany({ where: { feedId, state: "queued" }, select: { id: true } })) await importFeedItem(item.id);
}

describe("feeds editors follow", () => {
  test("an RSS feed's entries become drafts once each; unchanged, it answers 304 and nothing is fetched twice; changed, only the new entry comes", async () => {
    await expect(addFeed(reader, { url: `${base}/rss.xml`, intervalMinutes: 60 })).rejects.toMatchObject({ status: 403 });
    const feed = await addFeed(editor, { url: `${base}/rss.xml?utm_source=x`, intervalMinutes: 60 });
    await expect(addFeed(editor, { url: `${base}/rss.xml`, intervalMinutes: 60 })).rejects.toMatchObject({ status: 409 });

    expect(await fetchFeed(feed.id)).toEqual({ changed: true, queued: 2 });
    await importQueued(feed.id);
    const items = await getDb().feedItem.findMany({ where: { feedId: feed.id }, orderBy: { guid: "asc" }, include: { article: true } });
    expect(items.map((item) => [item.guid, item.state, item.article?.status, item.article?.canonicalUrl])).toEqual([
      ["transit-1", "imported", "draft", `${base}/article/1`],
      ["transit-2", "imported", "draft", `${base}/article/2`],
    ]);
    expect(await getDb().feed.findUniqueOrThrow({ where: { id: feed.id } })).toMatchObject({
      title: "The Transit Desk",
      itemsImported: 2,
      etag: '"v1"',
      failures: 0,
    });

    // Unchanged: the server is asked with the ETag and answers 304.
    expect(await fetchFeed(feed.id)).toEqual({ changed: false, queued: 0 });
    expect(state.conditional).toBe(1);

    // Changed: a third entry, a new ETag; the first two are not queued again.
    Object.assign(state, { items: 3, etag: '"v2"' });
    expect(await fetchFeed(feed.id)).toEqual({ changed: true, queued: 1 });
    await importQueued(feed.id);
    expect(await getDb().feedItem.count({ where: { feedId: feed.id } })).toBe(3);
    expect(await getDb().article.count({ where: { canonicalUrl: { startsWith: `${base}/article/` } } })).toBe(3);
  });

  test("Atom and JSON Feed read the same way; an entry whose article is already here is recorded as such, not imported again", async () => {
    const atom = await addFeed(editor, { url: `${base}/atom.xml`, intervalMinutes: 60 });
    const json = await addFeed(editor, { url: `${base}/feed.json`, intervalMinutes: 60 });
    expect(await fetchFeed(atom.id)).toEqual({ changed: true, queued: 2 });
    expect(await fetchFeed(json.id)).toEqual({ changed: true, queued: 1 });
    await importQueued(atom.id);
    await importQueued(json.id);
    const states = await getDb().feedItem.findMany({
      where: { feedId: { in: [atom.id, json.id] } },
      orderBy: { guid: "asc" },
      select: { guid: true, state: true },
    });
    expect(states).toEqual([
      { guid: "j-8", state: "imported" },
      { guid: "urn:atom:1", state: "duplicate" },
      { guid: "urn:atom:7", state: "imported" },
    ]);
    expect(await getDb().article.count({ where: { canonicalUrl: `${base}/article/1` } })).toBe(1);
  });

  test("a feed that fails waits longer each time and says why; when it recovers, all is well again", async () => {
    state.failing = 2;
    const feed = await addFeed(editor, { url: `${base}/flaky.xml`, intervalMinutes: 30 });
    const now = new Date("2026-12-07T10:00:00Z");
    await fetchFeed(feed.id, now);
    expect(await getDb().feed.findUniqueOrThrow({ where: { id: feed.id } })).toMatchObject({
      failures: 1,
      lastError: `The server answered 500 for ${base}/flaky.xml.`,
      nextFetchAt: new Date(now.getTime() + 60 * 60_000),
    });
    await fetchFeed(feed.id, now);
    expect(await getDb().feed.findUniqueOrThrow({ where: { id: feed.id } })).toMatchObject({
      failures: 2,
      nextFetchAt: new Date(now.getTime() + 120 * 60_000),
    });
    await fetchFeed(feed.id, now);
    expect(await getDb().feed.findUniqueOrThrow({ where: { id: feed.id } })).toMatchObject({
      failures: 0,
      lastError: null,
      nextFetchAt: new Date(now.getTime() + 30 * 60_000),
    });
    expect(retryAfterMinutes(60, 20)).toBe(24 * 60);
  });
});
