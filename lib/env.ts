// Every environment variable Arguably reads, validated once with readable errors. This is the only
// module that touches process.env (eslint.config.mjs enforces it): everything else asks here.
// The README's configuration table mirrors this schema; keep them together.
import fs from "node:fs";
import path from "node:path";
import { z } from "@/lib/zod";

// In .env files an empty value means "not set".
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const postgresUrl = z.string().refine((value) => /^postgres(ql)?:\/\//.test(value), "must be a postgresql:// connection string");

export const ZServerEnv = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: optional(postgresUrl),
    /** Comma-separated read replicas of DATABASE_URL (decision 012). */
    DATABASE_REPLICA_URLS: optional(
      z
        .string()
        .refine(
          (value) => value.split(",").every((url) => /^postgres(ql)?:\/\//.test(url.trim())),
          "must be postgresql:// connection strings separated by commas",
        ),
    ),
    /** "off" disables the anonymous page cache (decision 011). */
    PAGE_CACHE: optional(z.enum(["on", "off"])),
    /** "on": GET /api/metrics answers the server's counters (the benchmark turns it on). */
    SERVER_METRICS: optional(z.enum(["on", "off"])),
    AUTH_SECRET: optional(z.string().min(32, "must be at least 32 characters (try: openssl rand -base64 32)")),
    APP_URL: optional(z.url("must be an absolute URL such as https://arguably.example")),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: optional(z.string()),
    ADMIN_EMAIL: optional(z.email("must be an email address")),
    DATA_DIR: z.string().default(".data"),
    TRUSTED_PROXY_COUNT: z.coerce.number().int().min(0).max(10).default(0),
    SIGN_UPS_PER_IP_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(10),
    GITHUB_CLIENT_ID: optional(z.string()),
    GITHUB_CLIENT_SECRET: optional(z.string()),
    GOOGLE_CLIENT_ID: optional(z.string()),
    GOOGLE_CLIENT_SECRET: optional(z.string()),
    /** Where pg_dump and pg_restore are (npm run db:backup / db:restore); PATH when unset. */
    PG_BIN_DIR: optional(z.string()),
    /** Mail server, e.g. smtps://user:password@smtp.example:465. Unset: mail is written as .eml files under DATA_DIR/outbox. */
    SMTP_URL: optional(z.string().refine((value) => /^smtps?:\/\//.test(value), "must be an smtp:// or smtps:// URL")),
    /** The From: of every mail, e.g. "Arguably <no-reply@arguably.example>". Default: no-reply at APP_URL's host. */
    MAIL_FROM: optional(z.string().min(3)),
    /** "off": this server runs no background jobs (mail, digests, pruning); another instance must. */
    JOB_WORKER: optional(z.enum(["on", "off"])),
    /**
     * Private hosts the server may fetch pages and feeds from, for an intranet deployment: a comma- or
     * space-separated list of host:port (e.g. "wiki.internal:443, 10.0.0.7:8080"). Nothing else is
     * fetched from loopback, private, link-local or metadata addresses (lib/net/fetch-page.ts).
     */
    FETCH_ALLOW_HOSTS: optional(
      z
        .string()
        .refine(
          (value) => hostList(value).every((entry) => /^(\[[0-9a-fA-F:.]+\]|[a-z0-9.-]+):\d{1,5}$/.test(entry)),
          "must be a list of host:port, e.g. wiki.internal:443, 10.0.0.7:8080",
        ),
    ),
    /** Command-line tools show a progress line once a step takes longer than this. */
    PROGRESS_AFTER_MS: z.coerce.number().int().min(0).default(1000),
  })
  .superRefine((env, ctx) => {
    for (const provider of ["GITHUB", "GOOGLE"] as const) {
      const id = env[`${provider}_CLIENT_ID`];
      const secret = env[`${provider}_CLIENT_SECRET`];
      if (Boolean(id) !== Boolean(secret)) {
        ctx.addIssue({
          code: "custom",
          path: [id ? `${provider}_CLIENT_SECRET` : `${provider}_CLIENT_ID`],
          message: `set both ${provider}_CLIENT_ID and ${provider}_CLIENT_SECRET, or neither`,
        });
      }
    }
  });

export type ServerEnv = z.infer<typeof ZServerEnv>;

export class ConfigurationError extends Error {
  override name = "ConfigurationError";
}

/** Parses `source` (process.env by default); throws a ConfigurationError listing every bad variable. */
export function parseServerEnv(source: Record<string, string | undefined> = process.env): ServerEnv {
  const result = ZServerEnv.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join(".") || "environment"}: ${issue.message}`);
  throw new ConfigurationError(`Invalid configuration:\n${lines.join("\n")}`);
}

let cached: ServerEnv | undefined;

/** Loads `.env` (if present) into the environment without overriding what the shell set. */
export function loadDotEnv(file = ".env") {
  // The server reads .env at run time; the bundler must not follow this path and trace the whole project.
  if (fs.existsSync(/* turbopackIgnore: true */ file)) process.loadEnvFile(/* turbopackIgnore: true */ file);
  cached = undefined;
}

/** The validated environment of this process, parsed on first use. */
export function serverEnv(): ServerEnv {
  cached ??= parseServerEnv();
  return cached;
}

/**
 * FETCH_ALLOW_HOSTS as a set of lower-case "host:port" (IPv6 hosts in brackets). Read at each call, not
 * from serverEnv()'s cache: a process that serves tests of several files (each naming its own local
 * server) must not keep the first file's list. The value was validated with the rest at start-up.
 */
export function fetchAllowHosts(env: { FETCH_ALLOW_HOSTS?: string } = { FETCH_ALLOW_HOSTS: process.env.FETCH_ALLOW_HOSTS }): ReadonlySet<string> {
  return new Set(hostList(env.FETCH_ALLOW_HOSTS ?? ""));
}

/** "a:1, B:2 c:3" -> ["a:1", "b:2", "c:3"]: how FETCH_ALLOW_HOSTS is read, to check it and to use it. */
function hostList(value: string): string[] {
  return value
    .toLowerCase()
    .split(/[\s,]+/)
    .filter(Boolean);
}

/**
 * Points this process at a database: the command-line tools and test set-ups open (or create) one
 * before the app's modules connect. Read back with databaseUrl().
 */
export function connectToDatabase(url: string) {
  process.env.DATABASE_URL = url;
  cached = undefined;
}

/**
 * The database this process uses, read at each call rather than cached, because connectToDatabase() (and
 * tests) may switch it after the environment was first read.
 */
export function databaseUrl(): string | undefined {
  return process.env.DATABASE_URL || undefined;
}

/** DATABASE_REPLICA_URLS as set now ("" when unset); read on every query, so kept to a property read. */
export function replicaUrlsSetting(): string {
  return process.env.DATABASE_REPLICA_URLS ?? "";
}

/** CHROMIUM_PATH: the browser the e2e tests, `npm run screens` and the Lighthouse run drive (scripts/lib/chromium.ts). */
export function chromiumPathSetting(): string | undefined {
  return process.env.CHROMIUM_PATH || undefined;
}

/** Whether Next.js runs in development (its build inlines NODE_ENV, so this stays a compile-time constant). */
export function isDevelopment(): boolean {
  return process.env.NODE_ENV === "development";
}

/** next-auth reads its public address from NEXTAUTH_URL: set it from APP_URL when not given. */
export function ensureNextAuthUrl(env: ServerEnv = serverEnv()) {
  process.env.NEXTAUTH_URL ??= appUrl(env);
}

/** This process's environment with `overrides` (undefined removes a variable), for a child process. */
export function environmentWith(overrides: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

export function appUrl(env: ServerEnv = serverEnv()) {
  return env.APP_URL ?? `http://localhost:${env.PORT}`;
}

export function dataDir(env: ServerEnv = serverEnv()) {
  return path.resolve(env.DATA_DIR);
}

/** Where mail goes when no SMTP_URL is set (the two-command start): one .eml file per message. */
export function mailOutboxDir(env: ServerEnv = serverEnv()) {
  return path.join(dataDir(env), "outbox");
}

/** The From: address of Arguably's mail. */
export function mailFrom(env: ServerEnv = serverEnv()) {
  return env.MAIL_FROM ?? `Arguably <no-reply@${new URL(appUrl(env)).hostname}>`;
}
