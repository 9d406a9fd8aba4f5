// /search: full-text search over articles, claims and arguments (lib/debate/search.ts). A plain GET form,
// so it works without JavaScript and every search has a URL.
import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { z } from "@/lib/zod";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { MATCH_END, MATCH_START, SEARCH_PAGE_SIZE, SEARCH_TYPES, searchableArticles, searchDebates, type SearchHit } from "@/lib/debate/search";

export const metadata: Metadata = { title: "Search" };

const Query = z.object({
  q: z.string().max(200).catch(""),
  type: z.enum(SEARCH_TYPES).catch("all"),
  article: z
    .string()
    .regex(/^[a-z0-9-]{1,200}$/)
    .nullable()
    .catch(null),
  page: z.coerce.number().int().min(1).max(50).catch(1),
});

const TYPE_LABELS: Record<(typeof SEARCH_TYPES)[number], string> = {
  all: "Everything",
  articles: "Articles",
  claims: "Claims",
  "reader-claims": "Claims raised by readers",
  responses: "Arguments",
};
const KIND: Record<SearchHit["type"], string> = { article: "Article", claim: "Claim", response: "Argument" };

/** The snippet as text, with PostgreSQL's matches marked: never parsed as HTML. */
function Snippet({ text }: { text: string }) {
  const parts = text.split(MATCH_START);
  return (
    <p className="text-sm text-muted">
      {parts[0]}
      {parts.slice(1).map((part, index) => {
        const [match, rest = ""] = part.split(MATCH_END);
        return (
          <span key={index}>
            <mark className="bg-amber-100 text-ink">{match}</mark>
            {rest}
          </span>
        );
      })}
    </p>
  );
}

function hitHref(hit: SearchHit) {
  if (hit.type === "article") return `/articles/${hit.article.slug}`;
  if (hit.type === "claim") return `/claims/${hit.id}`;
  return `/responses/${hit.id}`;
}

function Hit({ hit }: { hit: SearchHit }) {
  const title = hit.type === "response" ? `${hit.heading === "support" ? "Supports" : "Opposes"}: “${hit.claim?.text ?? ""}”` : hit.heading;
  return (
    <li className="space-y-1 rounded-lg border border-line bg-white p-3" data-testid="search-hit">
      <p className="text-xs uppercase tracking-wide text-muted">
        {KIND[hit.type]}
        {hit.type !== "article" ? (
          <>
            {" "}
            · in{" "}
            <Link href={`/articles/${hit.article.slug}`} className="hover:underline">
              {hit.article.title}
            </Link>
          </>
        ) : null}
        {hit.markedBy ? <span className="normal-case tracking-normal"> · {hit.markedBy}</span> : null}
      </p>
      <Link href={hitHref(hit)} className="font-medium text-accent hover:underline">
        {title}
      </Link>
      <Snippet text={hit.snippet} />
    </li>
  );
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SearchPage({ searchParams }: Props) {
  const raw = await searchParams;
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const query = Query.parse({ q: first(raw.q) ?? "", type: first(raw.type), article: first(raw.article) || null, page: first(raw.page) });
  const [results, articles] = await Promise.all([
    query.q.trim() ? searchDebates({ query: query.q, type: query.type, articleSlug: query.article, page: query.page }) : null,
    searchableArticles(),
  ]);
  const pageHref = (page: number) =>
    `/search?${new URLSearchParams({ q: query.q, type: query.type, ...(query.article ? { article: query.article } : {}), page: String(page) })}`;
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="font-serif text-3xl font-semibold">Search</h1>
      <form action="/search" role="search" className="space-y-3 rounded-lg border border-line bg-white p-4">
        <TextField label="Words to find" name="q" type="search" defaultValue={query.q} hint='Use "quotes" for a phrase and -word to leave a word out.' />
        <div className="flex flex-wrap items-end gap-3">
          <div className="space-y-1 text-sm">
            <label htmlFor="search-type" className="block font-medium">
              Kind
            </label>
            <select id="search-type" name="type" defaultValue={query.type} className="rounded-md border border-line bg-white px-2 py-1.5">
              {SEARCH_TYPES.map((type) => (
                <option key={type} value={type}>
                  {TYPE_LABELS[type]}
                </option>
              ))}
            </select>
          </div>
          <div className="space-y-1 text-sm">
            <label htmlFor="search-article" className="block font-medium">
              Article
            </label>
            <select
              id="search-article"
              name="article"
              defaultValue={query.article ?? ""}
              className="max-w-72 rounded-md border border-line bg-white px-2 py-1.5"
            >
              <option value="">All articles</option>
              {articles.map((article) => (
                <option key={article.slug} value={article.slug}>
                  {article.title}
                </option>
              ))}
            </select>
          </div>
          <Button type="submit">Search</Button>
        </div>
      </form>
      {results ? (
        results.hits.length ? (
          <section aria-label="Results" className="space-y-3">
            <p className="text-sm text-muted">
              Results {(query.page - 1) * SEARCH_PAGE_SIZE + 1}–{(query.page - 1) * SEARCH_PAGE_SIZE + results.hits.length} for “{results.query}”, best match
              first
            </p>
            <ol className="space-y-3">
              {results.hits.map((hit) => (
                <Hit key={`${hit.type}-${hit.id}`} hit={hit} />
              ))}
            </ol>
            <nav aria-label="Result pages" className="flex justify-between text-sm">
              {query.page > 1 ? (
                <Link href={pageHref(query.page - 1)} className="text-accent hover:underline">
                  ← Previous
                </Link>
              ) : (
                <span />
              )}
              {results.more ? (
                <Link href={pageHref(query.page + 1)} className="text-accent hover:underline">
                  Next →
                </Link>
              ) : null}
            </nav>
          </section>
        ) : (
          <p className="text-muted">
            Nothing matches “{results.query}”{query.type !== "all" || query.article ? " with these filters" : ""}.
          </p>
        )
      ) : null}
    </div>
  );
}
