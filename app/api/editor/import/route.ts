// POST /api/editor/import — an editor imports an article from pasted text, pasted HTML or a URL, or a
// debate from another argument tool (Argdown or AIF JSON; lib/exchange, lib/exchange/import-debate.ts).
// The answer streams progress as NDJSON lines ({"type":"progress",...}) and ends with
// {"type":"done","reviewUrl":...} or {"type":"error","message":...}. Nothing is stored on error.
import { z } from "@/lib/zod";
import { getCurrentUser } from "@/lib/auth/session";
import { isSameOrigin } from "@/lib/auth/same-origin";
import { importArticle } from "@/lib/articles/import-article";
import { importDebates } from "@/lib/exchange/import-debate";
import { parseAifDebates } from "@/lib/exchange/aif";
import { parseArgdownDebates } from "@/lib/exchange/argdown";
import { ExchangeFormatError } from "@/lib/exchange/debate-tree";
import { hitRateLimit } from "@/lib/platform/rate-limit";
import { AppError, problemDetails, toAppError, type AppErrorOptions, type ErrorCode } from "@/lib/errors";
import { problemResponse } from "@/lib/http/problem";
import { MAX_INPUT_BYTES } from "@/lib/ingest";
import { fetchPage } from "@/lib/net/fetch-page";
import { findArticleByAddress } from "@/lib/articles/originals";
import { canEditArticles } from "@/lib/policy";

/** Where a pasted article was published: exported Web Annotations point there (lib/exchange/web-annotation.ts). */
const ZOriginalAddress = z
  .string()
  .trim()
  .max(2_000, "That address is too long.")
  .refine((value) => !value || z.url({ protocol: /^https?$/, hostname: z.regexes.domain }).safeParse(value).success, {
    message: "Where it was published must be an address starting with http:// or https://.",
  })
  .optional()
  .transform((value) => value || null);

const ZImport = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("text"), content: z.string().trim().min(1, "Paste the article's text first."), sourceUrl: ZOriginalAddress }),
  z.object({ mode: z.literal("html"), content: z.string().trim().min(1, "Paste the page's HTML first."), sourceUrl: ZOriginalAddress }),
  z.object({ mode: z.literal("url"), url: z.string().trim().url("Enter a full address, like https://example.com/article.") }),
  z.object({ mode: z.literal("argdown"), content: z.string().trim().min(1, "Paste the Argdown text first.") }),
  z.object({ mode: z.literal("aif"), content: z.string().trim().min(1, "Paste the AIF JSON first.") }),
]);

/** Reads a debate file (one claim's, or an article's several); a malformed one is refused with what is wrong and where. */
function readDebates(mode: "argdown" | "aif", content: string) {
  try {
    if (mode === "argdown") return parseArgdownDebates(content);
    let json: unknown;
    try {
      json = JSON.parse(content);
    } catch {
      throw new ExchangeFormatError("It is not JSON.");
    }
    return { title: null, trees: parseAifDebates(json) };
  } catch (error) {
    if (error instanceof ExchangeFormatError)
      throw new AppError("invalid_request", `That ${mode === "argdown" ? "Argdown" : "AIF"} file cannot be imported: ${error.message}`);
    throw error;
  }
}

const IMPORTS_PER_EDITOR = { limit: 30, windowMs: 60 * 60 * 1000 };

const fail = (code: ErrorCode, message: string, options?: AppErrorOptions) => problemResponse(new AppError(code, message, options));

/** Where an imported article is worked on: its review page while a draft, its page once published. */
function articlePlace(article: { id: string; slug: string; status: string }) {
  return article.status === "draft" ? `/editor/articles/${article.id}` : `/articles/${article.slug}`;
}

export async function POST(request: Request) {
  if (!isSameOrigin(request)) return fail("forbidden", "Imports must come from the Arguably site itself.");
  const user = await getCurrentUser();
  if (!user) return fail("unauthorized", "Sign in to import articles.");
  if (!canEditArticles(user)) return fail("forbidden", "Only editors can import articles.");
  if (Number(request.headers.get("content-length") ?? 0) > MAX_INPUT_BYTES + 1024) {
    return fail("payload_too_large", `The article is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MB.`);
  }
  const json = await request.json().catch(() => undefined);
  const parsed = ZImport.safeParse(json);
  if (!parsed.success) return fail("invalid_request", parsed.error.issues[0]?.message ?? "That request was not valid.");
  const limit = await hitRateLimit(`import:user:${user.id}`, IMPORTS_PER_EDITOR);
  if (limit.limited) {
    return fail("rate_limited", `You have imported many articles in the last hour. Try again in ${Math.ceil(limit.retryAfterSeconds / 60)} minutes.`, {
      retryAfterSeconds: limit.retryAfterSeconds,
    });
  }

  const input = parsed.data;
  const encoder = new TextEncoder();
  const stream = new ReadableStream({
    async start(controller) {
      const send = (event: object) => controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
      try {
        if (input.mode === "argdown" || input.mode === "aif") {
          send({ type: "progress", stage: "reading", done: 0, total: 1 });
          const { title, trees } = readDebates(input.mode, input.content);
          const { article } = await importDebates({
            trees,
            title,
            source: input.content,
            importedById: user.id,
            onProgress: (progress) => send({ type: "progress", ...progress }),
          });
          send({ type: "done", articleId: article.id, reviewUrl: `/editor/articles/${article.id}` });
          return;
        }
        let raw: string;
        let sourceUrl: string | null = null;
        if (input.mode === "url") {
          // Already here under this address (tracking parameters aside): open it, fetch nothing.
          const known = await findArticleByAddress(input.url);
          if (known) {
            send({ type: "done", articleId: known.id, reviewUrl: articlePlace(known), alreadyHere: true });
            return;
          }
          send({ type: "progress", stage: "fetching", done: 0, total: 1 });
          const page = await fetchPage(input.url);
          raw = page.text;
          sourceUrl = page.url;
        } else {
          raw = input.content;
          sourceUrl = input.sourceUrl;
        }
        const { article, created } = await importArticle({
          raw,
          sourceUrl,
          importedById: user.id,
          status: "draft",
          onProgress: (progress) => send({ type: "progress", ...progress }),
        });
        send({ type: "done", articleId: article.id, reviewUrl: articlePlace(article), alreadyHere: !created });
      } catch (error) {
        // The answer is already under way (200, progress lines): the failure travels as the last line,
        // a problem-details object like every other error of the app.
        send({ type: "error", problem: problemDetails(toAppError(error)) });
      } finally {
        controller.close();
      }
    },
  });
  return new Response(stream, { headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store" } });
}
