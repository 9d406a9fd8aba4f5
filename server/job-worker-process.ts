// The web server's background worker as a child process (./job-worker.ts): started with the server,
// restarted if it dies, stopped with it. JOB_WORKER=off leaves the jobs to other instances.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { terminate } from "./terminate";

const ENTRY = path.join("server", "job-worker.ts");
const RESTART_AFTER_MS = 5_000;

export interface JobWorkerProcess {
  stop(): Promise<void>;
}

export function startJobWorkerProcess(): JobWorkerProcess {
  let child: ChildProcess | undefined;
  let stopped = false;
  const launch = () => {
    child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx/esm", ENTRY], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
    child.once("exit", (code, signal) => {
      if (stopped) return;
      console.error(`arguably: the background worker exited (${signal ?? `code ${code}`}); restarting in ${RESTART_AFTER_MS / 1000} s.`);
      setTimeout(() => !stopped && launch(), RESTART_AFTER_MS).unref();
    });
  };
  launch();
  return {
    async stop() {
      stopped = true;
      if (child && !(await terminate(child, 6_000))) child.kill("SIGKILL");
    },
  };
}
