// graphile-worker logs every job at info level; Arguably's console gets its warnings and errors only.
import { Logger } from "graphile-worker";

export const quietJobLogger = new Logger(() => (level, message) => {
  if (level === "error" || level === "warning") console.error(`arguably: jobs: ${message}`);
});
