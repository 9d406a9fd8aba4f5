// GET /api/claims/:id/export?format=argdown|aif|annotation — a claim's debate for other argument tools:
// Argdown text, AIF JSON (I-, RA- and CA-nodes), or the claim's anchor as a W3C Web Annotation.
// Public data only (what readers of the claim page see), as a download.
import { z } from "@/lib/zod";
import { getDebateForExport } from "@/lib/exchange/queries";
import { toAif } from "@/lib/exchange/aif";
import { toArgdown } from "@/lib/exchange/argdown";
import { download } from "@/lib/exchange/download";
import { enforceExportLimit } from "@/lib/exchange/export-limit";
import { toWebAnnotation } from "@/lib/exchange/web-annotation";
import { appUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { problemResponse } from "@/lib/http/problem";

export const dynamic = "force-dynamic";

const Format = z.enum(["argdown", "aif", "annotation"]);

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const format = Format.safeParse(new URL(request.url).searchParams.get("format"));
  if (!format.success) return problemResponse(new AppError("invalid_request", "Choose format=argdown, aif or annotation."));
  const { id } = await params;
  try {
    await enforceExportLimit(request.headers);
  } catch (error) {
    return problemResponse(error);
  }
  const debate = id.length <= 64 ? await getDebateForExport(id) : null;
  if (!debate) return problemResponse(new AppError("not_found", "That claim does not exist."));
  const file = (body: string, type: string, extension: string) => download(body, { type, filename: `claim-${id}.${extension}` });
  switch (format.data) {
    case "argdown":
      return file(toArgdown(debate.tree), "text/plain; charset=utf-8", "argdown");
    case "aif":
      return file(JSON.stringify(toAif(debate.tree), null, 2), "application/json; charset=utf-8", "aif.json");
    case "annotation":
      return file(JSON.stringify(toWebAnnotation(debate.anchor, appUrl(), debate.original), null, 2), "application/ld+json; charset=utf-8", "jsonld");
  }
}
