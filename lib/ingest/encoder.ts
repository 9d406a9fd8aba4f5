// What the claim detector reads of each sentence: its Universal Sentence Encoder lite embedding and its
// part-of-speech view (parse.mjs), both computed in a worker thread (encoder-worker.mjs) so that a long
// article never blocks the web server's event loop (decision 005).
// The thread loads the model once (about 1 s, 300–400 MB) and is ended after a few idle minutes so
// that a server which imports rarely does not keep the memory.
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { Token } from "./parse.mjs";

/** One sentence as the detector reads it. */
export interface SentenceReading {
  embedding: Float32Array;
  tokens: Token[];
}

/** Dimensions of one embedding. */
export const EMBEDDING_SIZE = 512;
const IDLE_MS = 5 * 60_000;

interface Pending {
  resolve: (readings: SentenceReading[]) => void;
  reject: (error: Error) => void;
}

let worker: Worker | null = null;
let nextId = 0;
let idleTimer: NodeJS.Timeout | null = null;
const pending = new Map<number, Pending>();

function workerPath() {
  // Resolved from the project root at run time, not bundled: Next.js runs the server from there, as do
  // the scripts and tests.
  return path.join(process.cwd(), "lib", "ingest", "encoder-worker.mjs");
}

function failAll(error: Error) {
  for (const request of pending.values()) request.reject(error);
  pending.clear();
}

function startWorker(): Worker {
  const started = new Worker(workerPath());
  started.on("message", (message: { id: number; embeddings?: Float32Array[]; parses?: Token[][]; error?: string }) => {
    const request = pending.get(message.id);
    if (!request) return;
    pending.delete(message.id);
    const { embeddings, parses } = message;
    if (embeddings && parses) request.resolve(embeddings.map((embedding, i) => ({ embedding, tokens: parses[i] })));
    else request.reject(new Error(`The sentence encoder failed: ${message.error}`));
    scheduleIdleStop();
  });
  started.on("error", (error) => {
    worker = null;
    failAll(new Error(`The sentence encoder stopped: ${error.message}`));
  });
  started.on("exit", () => {
    if (worker === started) worker = null;
    failAll(new Error("The sentence encoder stopped."));
  });
  // Last: adding a "message" listener refs the worker again. Referenced only while a request is
  // pending, the thread keeps a script alive for its answer but never after (scheduleIdleStop).
  started.unref();
  return started;
}

function scheduleIdleStop() {
  if (idleTimer) clearTimeout(idleTimer);
  if (pending.size) return;
  worker?.unref();
  idleTimer = setTimeout(() => void stopEncoder(), IDLE_MS);
  idleTimer.unref();
}

/** Reads sentences (in order) off the main thread. */
export function readSentences(sentences: string[]): Promise<SentenceReading[]> {
  if (idleTimer) clearTimeout(idleTimer);
  worker ??= startWorker();
  const id = nextId++;
  const active = worker;
  active.ref();
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    // The encoder cannot embed an empty string (its tokenizer yields no token); one space embeds as nothing.
    active.postMessage({ id, sentences: sentences.map((sentence) => sentence || " ") });
  });
}

/** Ends the encoder's thread (it starts again on the next request). */
export async function stopEncoder() {
  const running = worker;
  worker = null;
  if (running) await running.terminate();
}
