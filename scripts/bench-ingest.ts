// npm run bench:ingest — how long a 10,000-word article takes through the whole dry run.
// Prints medians over repeated runs: the pipeline in-process, and `npm run ingest -- --dry-run --json`
// as a user runs it (process start included).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { prepareArticle } from "@/lib/ingest";

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** A long article built from the seeds' paragraphs, each copy numbered so no two paragraphs are equal. */
function longArticle(words: number) {
  const seed = prepareArticle(fs.readFileSync(path.join("content", "seeds", "nato-ukraine-invite.txt"), "utf8"));
  const paragraphs = seed.blocks.filter((block) => block.kind === "paragraph").map((block) => seed.body.slice(block.start, block.end));
  const out = ["A very long article about alliances", "By Bench Writer"];
  let count = 0;
  for (let copy = 1; count < words; copy++) {
    for (const paragraph of paragraphs) {
      const text = `In part ${copy}, ${paragraph.charAt(0).toLowerCase()}${paragraph.slice(1)}`;
      out.push(text);
      count += text.split(/\s+/).length;
      if (count >= words) break;
    }
  }
  return { text: out.join("\n\n"), words: count };
}

const { text, words } = longArticle(10_000);
const file = path.join(os.tmpdir(), `arguably-bench-${process.pid}.txt`);
fs.writeFileSync(file, text);

const inProcess: number[] = [];
let claims = 0;
for (let run = 0; run < 7; run++) {
  const started = performance.now();
  claims = prepareArticle(text).claims.length;
  inProcess.push(performance.now() - started);
}

const cli: number[] = [];
for (let run = 0; run < 5; run++) {
  const started = performance.now();
  execFileSync(path.join("node_modules", ".bin", "tsx"), ["--conditions=react-server", "scripts/ingest.ts", "--dry-run", "--json", file], { stdio: ["ignore", "ignore", "inherit"] });
  cli.push(performance.now() - started);
}
fs.rmSync(file);

console.log(`article: ${words} words, ${claims} claims`);
console.log(`pipeline in-process: median ${median(inProcess).toFixed(0)} ms over ${inProcess.length} runs (target < 1000 ms)`);
console.log(`npm run ingest -- --dry-run --json (whole command, process start included): median ${median(cli).toFixed(0)} ms over ${cli.length} runs`);
