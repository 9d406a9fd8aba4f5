// npm run -s export -- (--article <slug> | --claim <id>) --format <format> [--out <file>] [--site <url>]
// Downloads an export from a running Arguably (this one's APP_URL by default, or --site) with a
// progress line on stderr once it takes over a second (./lib/progress-line.ts): the server's
// preparation, then bytes received of the file's size. The file
// goes to --out (default: the name the server gives it, in the current folder), or to stdout with --out -.
// Formats: claims argdown | aif | annotation; articles argdown | aif | annotations | responses.csv |
// votes.csv | participant-votes.csv. Exits 2 with a one-line reason on bad usage or a refused export.
import fs from "node:fs/promises";
import { parseArgs } from "node:util";
import { appUrl } from "@/lib/env";
import { describeProgress, DownloadError, downloadWithProgress } from "@/lib/exchange/read-with-progress";
import { progressLine } from "./lib/progress-line";

class UsageError extends Error {}

const USAGE = "usage: npm run -s export -- (--article <slug> | --claim <id>) --format <format> [--out <file>|-] [--site <url>]";

function exportUrl(values: { article?: string; claim?: string; format?: string; site?: string }) {
  if (!values.format || Boolean(values.article) === Boolean(values.claim)) throw new UsageError(USAGE);
  const site = values.site ?? appUrl();
  const path = values.article ? `/api/articles/${encodeURIComponent(values.article)}/export` : `/api/claims/${encodeURIComponent(values.claim!)}/export`;
  try {
    const url = new URL(path, site);
    url.searchParams.set("format", values.format);
    return url.toString();
  } catch {
    throw new UsageError(`Not a site address: ${site}`);
  }
}

async function main() {
  let values;
  try {
    ({ values } = parseArgs({
      options: { article: { type: "string" }, claim: { type: "string" }, format: { type: "string" }, out: { type: "string" }, site: { type: "string" } },
    }));
  } catch {
    throw new UsageError(USAGE);
  }
  const url = exportUrl(values);
  const line = progressLine("export");
  const file = await downloadWithProgress(
    url,
    (progress) =>
      line.update(describeProgress(progress), { phase: progress.phase, final: progress.phase === "receiving" && progress.received === progress.total }),
    { tickMs: 250 },
  );
  const out = values.out ?? file.filename ?? "export";
  if (out === "-") process.stdout.write(file.bytes);
  else await fs.writeFile(out, file.bytes);
  line.finish(`${file.bytes.byteLength.toLocaleString("en")} bytes${out === "-" ? "" : ` written to ${out}`}`);
}

main().catch((error: Error) => {
  const expected = error instanceof UsageError || error instanceof DownloadError;
  const reason = error.message.split("\n")[0];
  console.error(`export: ${expected ? reason : `cannot reach the site (${(error.cause as Error | undefined)?.message ?? reason})`}`);
  process.exit(expected ? 2 : 1);
});
