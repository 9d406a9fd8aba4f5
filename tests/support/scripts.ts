// Runs the project's command-line scripts as `npm run` does (tsx, react-server condition) and collects
// what they print.
import { spawn } from "node:child_process";
import path from "node:path";

export function spawnScript(script: string, args: string[], env: NodeJS.ProcessEnv, { signals = false } = {}) {
  // `signals`: run in one process, as `npm start` does (node --import tsx), so a SIGTERM reaches the
  // script itself; the tsx command relays signals through a parent that gives up after 30 ms under load.
  const [command, runnerArgs] = signals
    ? [process.execPath, ["--conditions=react-server", "--import", "tsx"]]
    : [path.join("node_modules", ".bin", "tsx"), ["--conditions=react-server"]];
  const child = spawn(command, [...runnerArgs, script, ...args], { env });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  return { child, exited, stdout: () => stdout, stderr: () => stderr, output: () => stdout + stderr };
}

/** Runs a script to its end with this test's environment (its database) and returns code and output. */
export async function runScript(script: string, ...args: string[]) {
  const run = spawnScript(script, args, { ...process.env, NODE_ENV: "test" });
  const code = await run.exited;
  return { code, stdout: run.stdout(), stderr: run.stderr().trim(), output: run.output().trim() };
}

/** `npm start`'s launcher as a newcomer runs it: a clean environment with only what is passed. */
export function spawnLauncher(env: Record<string, string>) {
  return spawnScript("scripts/launch.ts", ["start"], { PATH: process.env.PATH, HOME: process.env.HOME, ...env } as unknown as NodeJS.ProcessEnv, {
    signals: true,
  });
}
