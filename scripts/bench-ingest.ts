// npm run bench:ingest — how long a 10,000-word article takes through the whole dry run.
// Prints medians over repeated runs: the pipeline in-process with the encoder's thread already loaded,
// the longest the caller's event loop was blocked meanwhile (the web server's own cost), the encoder's
// first load, and `npm run ingest -- --dry-run --json` as a user runs it (process start included).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { extractBody, prepareArticle } from "@/lib/ingest";
import { stopEncoder } from "@/lib/ingest/encoder";
import { parseSentences } from "@/lib/ingest/parse.mjs";

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** A long article built from the seeds' paragraphs, each copy numbered so no two paragraphs are equal. */
function longArticle(words: number) {
  const seed = extractBody(fs.readFileSync(path.join("content", "seeds", "nato-ukraine-invite.txt"), "utf8"));
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

const firstStarted = performance.now();
await prepareArticle("A short article to load the encoder.\n\nIt has one paragraph of prose that is long enough to count as an article body.");
const firstLoad = performance.now() - firstStarted;

const inProcess: number[] = [];
const blocked: number[] = [];
let claims = 0;
for (let run = 0; run < 5; run++) {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const started = performance.now();
  claims = (await prepareArticle(text)).claims.length;
  inProcess.push(performance.now() - started);
  delay.disable();
  blocked.push(delay.max / 1e6);
}
await stopEncoder();

// The part-of-speech view alone (wink-nlp), here in-process; the pipeline runs it in the encoder's thread.
const body = extractBody(text);
const sentenceTexts = body.sentences.map((sentence) => body.body.slice(sentence.start, sentence.end));
parseSentences(sentenceTexts.slice(0, 10));
const parsing: number[] = [];
for (let run = 0; run < 5; run++) {
  const started = performance.now();
  parseSentences(sentenceTexts);
  parsing.push(performance.now() - started);
}

const cli: number[] = [];
for (let run = 0; run < 3; run++) {
  const started = performance.now();
  execFileSync(path.join("node_modules", ".bin", "tsx"), ["--conditions=react-server", "scripts/ingest.ts", "--dry-run", "--json", file], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  cli.push(performance.now() - started);
}
fs.rmSync(file);

console.log(`article: ${words} words, ${claims} claims`);
console.log(`encoder's first load and a short article: ${firstLoad.toFixed(0)} ms`);
console.log(`pipeline in-process, encoder loaded: median ${median(inProcess).toFixed(0)} ms over ${inProcess.length} runs`);
console.log(
  `of which the part-of-speech view (wink-nlp): median ${median(parsing).toFixed(0)} ms for ${sentenceTexts.length} sentences over ${parsing.length} runs`,
);
console.log(`caller's event loop blocked meanwhile: median of the longest stall ${median(blocked).toFixed(0)} ms`);
console.log(`npm run ingest -- --dry-run --json (whole command, process start included): median ${median(cli).toFixed(0)} ms over ${cli.length} runs`);
