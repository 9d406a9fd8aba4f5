// Runs `npm start`'s launcher as a newcomer would: a clean environment with only what is passed.
import { spawn } from "node:child_process";
import path from "node:path";

export function spawnLauncher(env: Record<string, string>) {
  const child = spawn(path.join("node_modules", ".bin", "tsx"), ["--conditions=react-server", "scripts/launch.ts", "start"], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env } as unknown as NodeJS.ProcessEnv,
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  return { child, exited, stdout: () => stdout, stderr: () => stderr, output: () => stdout + stderr };
}
