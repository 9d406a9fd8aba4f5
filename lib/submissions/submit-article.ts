// A reader brings an article (issue 32): by its address, or pasted with the address it was published
// at. Nothing is fetched in the request: the submission is stored with a job (lib/jobs) in one
// transaction, and lib/submissions/import-submission.ts does the work while the reader watches its
// progress. An article already here opens instead of a copy.
import { postingBlockedReason } from "@/lib/auth/sanction-message";
import { findArticleByAddress } from "@/lib/articles/originals";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { enforceRateLimit } from "@/lib/platform/rate-limit";
import { getSettings } from "@/lib/platform/settings";
import { can, type Actor } from "@/lib/policy";
import type { SubmitArticleInput } from "./schemas";

const DAY = 24 * 60 * 60 * 1000;

export type SubmitOutcome =
  | { kind: "queued"; submissionId: string }
  /** Published already: open it (and the selected words there). */
  | { kind: "already_here"; article: { slug: string; title: string } }
  /** Already waiting for an editor's review: nothing to open yet. */
  | { kind: "already_waiting" };

export async function submitArticle(
  actor: Actor & { silenceReason?: string | null },
  input: SubmitArticleInput,
  networkAddress: string,
): Promise<SubmitOutcome> {
  if (!can(actor, "article.submit")) {
    const blocked = postingBlockedReason({
      silencedUntil: actor.silencedUntil ?? null,
      silenceReason: actor.silenceReason ?? null,
      mustVerifyEmail: actor.mustVerifyEmail,
    });
    throw new AppError("forbidden", blocked ?? "Your account cannot submit articles right now.");
  }
  const known = await findArticleByAddress(input.url);
  if (known?.status === "published") return { kind: "already_here", article: { slug: known.slug, title: known.title } };
  if (known) return { kind: "already_waiting" };
  const settings = await getSettings();
  await enforceRateLimit(`submit:user:${actor.id}`, { limit: settings.submissionsPerDay, windowMs: DAY }, "submitting articles");
  await enforceRateLimit(`submit:ip:${networkAddress}`, { limit: settings.submissionsPerDayPerAddress, windowMs: DAY }, "submitting articles");
  return getDb().$transaction(async (tx) => {
    const submission = await tx.submission.create({
      data: { submitterId: actor.id, url: input.url, pastedText: input.text || null, selection: input.selection || null },
      select: { id: true },
    });
    await enqueueJob(tx, "import_submission", { submissionId: submission.id }, { jobKey: `submission:${submission.id}`, maxAttempts: 3 });
    return { kind: "queued" as const, submissionId: submission.id };
  });
}
