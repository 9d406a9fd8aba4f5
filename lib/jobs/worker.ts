// The background worker (decision 019): graphile-worker runs the queued jobs of lib/jobs/payloads.ts
// and the hourly schedule below. Every app server starts one (server/job-worker.ts, unless
// JOB_WORKER=off); jobs are taken with SKIP LOCKED, so several workers never run one job twice.
import { run, runOnce, type Runner, type TaskList } from "graphile-worker";
import { pruneUserSessions } from "@/lib/accounts/user-sessions";
import { pruneEmailTokens } from "@/lib/accounts/email-tokens";
import { scheduleDueDigests } from "@/lib/accounts/digests";
import { pruneRateLimits } from "@/lib/platform/rate-limit";
import { sendMailJob } from "@/lib/mail/send-mail";
import { importSubmission } from "@/lib/submissions/import-submission";
import { fetchFeed, importFeedItem, pollFeeds } from "@/lib/feeds/fetch-feed";
import { queueMissingBridging, recomputeBridging } from "@/lib/debate/bridged-standing";
import type { Mailer } from "@/lib/mail/mailer";
import { JOB_PAYLOADS } from "./payloads";
import { getDb } from "@/lib/db/client";
import { queueBridging } from "./bridging-job";
import { listenForDebateChanges } from "./bridging-listener";
import { jobQueueLogger } from "@/lib/db/job-queue-schema";

/** graphile-worker's crontab: minute hour day month weekday task. */
export const CRONTAB = ["* * * * * poll_feeds", "15 * * * * schedule_digests", "25 * * * * queue_missing_bridging", "40 * * * * prune_old_rows"].join("\n");

export function jobTasks(mailer: Mailer): TaskList {
  return {
    async send_mail(payload, helpers) {
      const job = JOB_PAYLOADS.send_mail.parse(payload);
      await sendMailJob(job, mailer, { number: helpers.job.attempts, max: helpers.job.max_attempts });
    },
    async poll_feeds() {
      await pollFeeds();
    },
    async fetch_feed(payload) {
      await fetchFeed(JOB_PAYLOADS.fetch_feed.parse(payload).feedId);
    },
    async import_feed_item(payload) {
      await importFeedItem(JOB_PAYLOADS.import_feed_item.parse(payload).itemId);
    },
    async import_submission(payload) {
      await importSubmission(JOB_PAYLOADS.import_submission.parse(payload).submissionId);
    },
    async recompute_bridging(payload) {
      await recomputeBridging(JOB_PAYLOADS.recompute_bridging.parse(payload).articleId);
    },
    async queue_missing_bridging() {
      await queueMissingBridging();
    },
    async schedule_digests() {
      await scheduleDueDigests();
    },
    async prune_old_rows() {
      await pruneRateLimits();
      await pruneUserSessions();
      await pruneEmailTokens();
    },
  };
}

export interface WorkerOptions {
  databaseUrl: string;
  mailer: Mailer;
  concurrency?: number;
}

export interface JobWorker {
  runner: Runner;
  stop(): Promise<void>;
}

/**
 * Runs until stopped: picks up new jobs at once (LISTEN/NOTIFY), retries and the schedule on time, and
 * queues bridged standings from the debate's change notices (./bridging-listener.ts).
 */
export async function startJobWorker({ databaseUrl, mailer, concurrency = 2 }: WorkerOptions): Promise<JobWorker> {
  const runner = await run({
    connectionString: databaseUrl,
    maxPoolSize: concurrency + 2,
    concurrency,
    noHandleSignals: true,
    pollInterval: 2_000,
    taskList: jobTasks(mailer),
    crontab: CRONTAB,
    logger: jobQueueLogger,
  });
  // Once at start, so a site upgraded with votes already cast gets its bridged standings at once.
  await runner.addJob("queue_missing_bridging", {}, { jobKey: "queue_missing_bridging" });
  const listener = listenForDebateChanges({
    databaseUrl,
    queue: (articleId) => queueBridging(getDb(), articleId),
    onError: (error) => jobQueueLogger.error(`bridged standings: ${error instanceof Error ? error.message : String(error)}`),
  });
  return {
    runner,
    async stop() {
      await listener.stop();
      await runner.stop();
    },
  };
}

/** Runs every job that is due now, then returns (tests, and scripts that must not leave a worker behind). */
export async function runDueJobs({ databaseUrl, mailer }: WorkerOptions): Promise<void> {
  await runOnce({ connectionString: databaseUrl, maxPoolSize: 2, taskList: jobTasks(mailer), logger: jobQueueLogger, noHandleSignals: true });
}
