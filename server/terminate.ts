// Stopping a child process of the server's (the web server, the background worker) the one way.
import type { ChildProcess } from "node:child_process";

/** SIGTERM, then waits up to `graceMs` for the process to exit; says whether it did. */
export async function terminate(child: ChildProcess, graceMs: number): Promise<boolean> {
  const running = () => child.exitCode === null && child.signalCode === null;
  if (!running()) return true;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, graceMs)))]);
  clearTimeout(timer);
  return !running();
}
