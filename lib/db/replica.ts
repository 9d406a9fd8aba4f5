// A streaming read replica of a PostgreSQL server, made with pg_basebackup and run with the embedded
// binaries: what the read-replica test runs against, and a way to try DATABASE_REPLICA_URLS locally
// (decision 012). In production, replicas come from the managed PostgreSQL service.
import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { findTool, libpqEnvironment, serverMajorVersion } from "./backup";
import { binaries, ensureTraversable, findFreePort, runAsIds } from "./embedded";
import { queryRows, withDatabaseName } from "./scratch";
import { environmentWith } from "@/lib/env";

const execFileAsync = promisify(execFile);

export interface StreamingReplica {
  port: number;
  /** The connection string of `database` on the replica (same credentials as the primary). */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

/** Copies the server at `adminUrl` into `dataDir` (which must not exist) and starts it as its hot standby. */
export async function startStreamingReplica(adminUrl: string, dataDir: string): Promise<StreamingReplica> {
  const basebackup = await findTool("pg_basebackup", await serverMajorVersion(adminUrl));
  await fs.mkdir(path.dirname(dataDir), { recursive: true });
  // -R writes standby.signal and the primary's connection settings: the copy starts as a streaming standby.
  await execFileAsync(basebackup, ["--pgdata", dataDir, "--write-recovery-conf", "--wal-method=stream", "--checkpoint=fast", "--no-password"], {
    env: libpqEnvironment(adminUrl),
  });
  const ids = await runAsIds();
  if (ids.uid !== undefined) {
    // As root, PostgreSQL runs as the postgres user, who must own the copy and reach it.
    await execFileAsync("chown", ["-R", `${ids.uid}:${ids.gid}`, dataDir]);
    await ensureTraversable(path.dirname(dataDir));
  }
  await fs.chmod(dataDir, 0o700);
  const port = await findFreePort();
  const { pgCtl } = await binaries();
  // A hot standby refuses to run with fewer connections than its primary allows.
  const maxConnections = (await queryRows<{ max_connections: string }>(adminUrl, "show max_connections"))[0].max_connections;
  const options = [
    `-p ${port}`,
    "-c listen_addresses=127.0.0.1",
    "-c unix_socket_directories=",
    "-c hot_standby=on",
    `-c max_connections=${maxConnections}`,
  ].join(" ");
  const logFile = path.join(dataDir, "replica.log");
  try {
    await execFileAsync(pgCtl, ["start", "-D", dataDir, "-w", "-t", "60", "-s", "-l", logFile, "-o", options], {
      ...ids,
      env: environmentWith({ LC_ALL: "C" }),
    });
  } catch (error) {
    const logTail = await fs.readFile(logFile, "utf8").catch(() => "");
    throw new Error(`The replica did not start: ${(error as Error).message.split("\n")[0]}\n${logTail.split("\n").slice(-8).join("\n")}`);
  }
  return {
    port,
    urlFor(database) {
      const url = new URL(withDatabaseName(adminUrl, database));
      url.port = String(port);
      return url.toString();
    },
    async stop() {
      await execFileAsync(pgCtl, ["stop", "-D", dataDir, "-m", "fast", "-w", "-s"], { ...ids }).catch(() => undefined);
    },
  };
}
