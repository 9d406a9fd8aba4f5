// GET /api/articles/:slug/export?format=… — an article's debates for researchers:
//   argdown, aif           every claim's debate in one file (Argdown sections / an AIF forest), which
//                          the editor's desk imports back
//   annotations            every claim's anchor, as a W3C Web Annotation collection (JSON-LD)
//   responses.csv          every response readers see, with its votes and strength
//   votes.csv              each claim's votes, counts and standing
//   participant-votes.csv  every vote, by pseudonymous participant (a keyed hash per article: votes of
//                          one person can be followed within the article, not linked to an account)
import { createHmac } from "node:crypto";
import { z } from "@/lib/zod";
import { getArticleForExport, readArticleDebateTrees } from "@/lib/exchange/queries";
import { appUrl, serverEnv } from "@/lib/env";
import { toAifDebates } from "@/lib/exchange/aif";
import { toArgdownDebates } from "@/lib/exchange/argdown";
import { csvLines, toCsv } from "@/lib/exchange/csv";
import { download, streamedDownload } from "@/lib/exchange/download";
import { enforceExportLimit } from "@/lib/exchange/export-limit";
import { claimVotePages, responsePages, responseVotePages } from "@/lib/exchange/export-rows";
import { toWebAnnotation } from "@/lib/exchange/web-annotation";
import { AppError } from "@/lib/errors";
import { problemResponse } from "@/lib/http/problem";

export const dynamic = "force-dynamic";

const iso = (date: Date) => date.toISOString();

async function* responsesCsv(claimIds: string[]) {
  yield csvLines([["response_id", "claim_id", "parent_id", "stance", "status", "created_at", "strong_votes", "weak_votes", "strength", "text", "sources"]]);
  for await (const page of responsePages(claimIds)) {
    yield csvLines(
      page.map((response) => [
        response.id,
        response.claimId,
        response.parentId,
        response.stance,
        response.status,
        iso(response.createdAt),
        response.strongVotes,
        response.weakVotes,
        Number(response.strength.toFixed(4)),
        response.body,
        // One source per line: its address, then the words it quotes.
        response.sources.map((source) => (source.quote ? `${source.url} "${source.quote}"` : source.url)).join("\n"),
      ]),
    );
  }
}

/** Votes by pseudonymous participant: a keyed hash per article follows one person within it, and no further. */
async function* participantVotesCsv(articleId: string, claimIds: string[]) {
  const secret = serverEnv().AUTH_SECRET ?? "";
  const participant = (userId: string) => createHmac("sha256", secret).update(`${articleId}:${userId}`).digest("hex").slice(0, 16);
  yield csvLines([["participant", "item_type", "item_id", "vote", "voted_at"]]);
  for await (const page of claimVotePages(claimIds))
    yield csvLines(page.map((vote) => [participant(vote.userId), "claim", vote.claimId, vote.value, iso(vote.createdAt)]));
  for await (const page of responseVotePages(claimIds))
    yield csvLines(page.map((vote) => [participant(vote.userId), "response", vote.responseId, vote.value, iso(vote.createdAt)]));
}

const Format = z.enum(["argdown", "aif", "annotations", "responses.csv", "votes.csv", "participant-votes.csv"]);

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const format = Format.safeParse(new URL(request.url).searchParams.get("format"));
  if (!format.success)
    return problemResponse(new AppError("invalid_request", "Choose format=argdown, aif, annotations, responses.csv, votes.csv or participant-votes.csv."));
  const { slug } = await params;
  try {
    await enforceExportLimit(request.headers);
  } catch (error) {
    return problemResponse(error);
  }
  const data = slug.length <= 200 ? await getArticleForExport(slug) : null;
  if (!data) return problemResponse(new AppError("not_found", "That article does not exist."));
  const filename = (extension: string) => `${data.article.slug}-${format.data.replace(".csv", "")}.${extension}`;
  const file = (body: string, type: string, extension: string) => download(body, { type, filename: filename(extension) });
  const streamed = (parts: AsyncIterable<string>, type: string, extension: string) => streamedDownload(parts, { type, filename: filename(extension) });
  const trees = () => readArticleDebateTrees(data);
  switch (format.data) {
    case "argdown":
      return file(toArgdownDebates({ title: data.article.title, trees: await trees() }), "text/plain; charset=utf-8", "argdown");
    case "aif":
      return file(JSON.stringify(toAifDebates(await trees()), null, 2), "application/json; charset=utf-8", "json");
    case "annotations": {
      const site = appUrl().replace(/\/$/, "");
      const original = { url: data.article.sourceUrl, text: data.article.originalText, copyLength: data.article.body.length };
      const items = data.claims.map((claim) => toWebAnnotation({ ...claim, articleSlug: data.article.slug }, site, original));
      const collection = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        id: `${site}/api/articles/${encodeURIComponent(data.article.slug)}/export?format=annotations`,
        type: "AnnotationCollection",
        label: `Claims in “${data.article.title}”`,
        total: items.length,
        // The collection's @context covers its items.
        first: {
          type: "AnnotationPage",
          startIndex: 0,
          items: items.map((item) => Object.fromEntries(Object.entries(item).filter(([key]) => key !== "@context"))),
        },
      };
      return file(JSON.stringify(collection, null, 2), "application/ld+json; charset=utf-8", "jsonld");
    }
    case "responses.csv":
      return streamed(responsesCsv(data.claims.map((claim) => claim.id)), "text/csv; charset=utf-8", "csv");
    case "votes.csv":
      return file(
        toCsv(
          ["claim_id", "claim", "agree", "disagree", "supporting_responses", "opposing_responses", "standing", "origin", "raised_by"],
          data.claims.map((claim) => [
            claim.id,
            claim.text,
            claim.agreeVotes,
            claim.disagreeVotes,
            claim.supportCount,
            claim.opposeCount,
            Number(claim.standing.toFixed(4)),
            claim.origin,
            claim.raisedBy?.name ?? null,
          ]),
        ),
        "text/csv; charset=utf-8",
        "csv",
      );
    case "participant-votes.csv":
      return streamed(
        participantVotesCsv(
          data.article.id,
          data.claims.map((claim) => claim.id),
        ),
        "text/csv; charset=utf-8",
        "csv",
      );
  }
}
