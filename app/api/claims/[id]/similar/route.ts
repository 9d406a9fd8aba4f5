// GET /api/claims/:id/similar?text=… — arguments already made on this claim that read like the draft
// (trigram similarity), so people can answer or back one instead of repeating it. Public data only:
// visible responses of a published claim, as anyone reading the claim page sees them.
import { z } from "@/lib/zod";
import { AppError } from "@/lib/errors";
import { problemResponse } from "@/lib/http/problem";
import { findSimilarResponses } from "@/lib/debate/search";
import { getClaimText } from "@/lib/debate/discussion";

export const dynamic = "force-dynamic";

const Params = z.object({ id: z.string().min(1).max(64), text: z.string().min(20).max(500) });

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const headers = { "Cache-Control": "no-store" };
  const parsed = Params.safeParse({ id: (await params).id, text: new URL(request.url).searchParams.get("text") ?? "" });
  if (!parsed.success) return problemResponse(new AppError("invalid_request", "Give the claim and at least 20 characters of text (at most 500)."));
  if (!(await getClaimText(parsed.data.id))) return problemResponse(new AppError("not_found", "That claim does not exist."));
  const similar = await findSimilarResponses(parsed.data.id, parsed.data.text);
  return Response.json(
    {
      similar: similar.map((response) => ({
        id: response.id,
        stance: response.stance,
        excerpt: response.body.replace(/\s+/g, " ").slice(0, 160),
        similarity: Number(response.similarity.toFixed(2)),
      })),
    },
    { headers },
  );
}
