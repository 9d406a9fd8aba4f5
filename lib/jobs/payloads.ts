// Every kind of background job, with the zod schema of its payload: the worker parses each payload
// before running it, so a job queued by an older version fails clearly instead of half-running.
import { z } from "@/lib/zod";
import { ZMailJob } from "@/lib/mail/mail-jobs";

export const JOB_PAYLOADS = {
  /** One mail (lib/mail/send-mail.ts). */
  send_mail: ZMailJob,
  /** Hourly: queue the digests that are due (lib/accounts/digests.ts). */
  schedule_digests: z.object({}).loose(),
  /** An article's bridged standings, after its votes or debates changed (lib/debate/bridged-standing.ts). */
  recompute_bridging: z.object({ articleId: z.string().min(1) }),
  /** When the worker starts, and hourly: queue recompute_bridging for articles voted on but never computed. */
  queue_missing_bridging: z.object({}).loose(),
  /** A reader's submitted article: fetch, extract, find claims, store as a draft (lib/submissions/import-submission.ts). */
  import_submission: z.object({ submissionId: z.string().min(1) }),
  /** Every minute: queue fetch_feed for the feeds whose turn has come (lib/feeds/fetch-feed.ts). */
  poll_feeds: z.object({}).loose(),
  /** One feed, fetched with conditional requests; its new entries queued once each. */
  fetch_feed: z.object({ feedId: z.string().min(1) }),
  /** One feed entry, imported as a draft with its claims. */
  import_feed_item: z.object({ itemId: z.string().min(1) }),
  /** Hourly: drop expired rate-limit windows, sessions and mailed links. */
  prune_old_rows: z.object({}).loose(),
} as const;

export type JobName = keyof typeof JOB_PAYLOADS;
export type JobPayload<N extends JobName> = z.infer<(typeof JOB_PAYLOADS)[N]>;
