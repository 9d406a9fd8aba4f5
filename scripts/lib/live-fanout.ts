// The live fan-out measurement of the benchmark (issue 17): `readers` open live connections on one claim
// (GET /api/live, server-sent events), `writes` writes landing at `perSecond` (the caller's `write(n)`),
// and for every write, when it reached every connection. Writes go one after another, so the n-th
// update on a connection is the n-th write's (each write announces exactly one change).
import http from "node:http";

export interface FanoutResult {
  readers: number;
  writes: number;
  /** Connections that received every write. */
  complete_readers: number;
  /** From a write's start to its update on a connection, over every (write, connection). */
  freshness_p50_ms: number;
  freshness_p95_ms: number;
  /** Time to open all connections. */
  connect_s: number;
}

interface Reader {
  arrivals: number[];
  request: http.ClientRequest;
}

function open(url: string, onOpen: () => void, onFail: (error: Error) => void): Reader {
  const reader: Reader = { arrivals: [], request: null as unknown as http.ClientRequest };
  const agent = new http.Agent({ keepAlive: false });
  reader.request = http.get(url, { agent, headers: { accept: "text/event-stream" } }, (response) => {
    if (response.statusCode !== 200) return onFail(new Error(`live stream answered ${response.statusCode}`));
    onOpen();
    let buffered = "";
    response.setEncoding("utf8");
    response.on("data", (chunk: string) => {
      buffered += chunk;
      let end: number;
      while ((end = buffered.indexOf("\n\n")) >= 0) {
        const frame = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        if (/^event: update$/m.test(frame)) reader.arrivals.push(performance.now());
      }
    });
  });
  reader.request.on("error", onFail);
  return reader;
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] : NaN);

export async function measureFanout({
  liveUrl,
  readers: count,
  writes,
  perSecond,
  write,
}: {
  liveUrl: string;
  readers: number;
  writes: number;
  perSecond: number;
  write: (n: number) => Promise<void>;
}): Promise<FanoutResult> {
  const connecting = performance.now();
  const readers: Reader[] = [];
  // Opened in batches, as a crowd arrives, not all in one instant.
  for (let batch = 0; batch < count; batch += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, count - batch) }, () => new Promise<void>((resolve, reject) => readers.push(open(liveUrl, resolve, reject)))),
    );
  }
  const connectSeconds = (performance.now() - connecting) / 1000;
  const started: number[] = [];
  for (let n = 0; n < writes; n++) {
    const due = n * (1000 / perSecond);
    const wait = due - (performance.now() - (started[0] ?? performance.now()));
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    started.push(performance.now());
    await write(n);
  }
  // Let the last updates arrive.
  const deadline = performance.now() + 10_000;
  while (performance.now() < deadline && readers.some((reader) => reader.arrivals.length < writes)) await new Promise((resolve) => setTimeout(resolve, 100));
  for (const reader of readers) reader.request.destroy();
  const delays = readers.flatMap((reader) => reader.arrivals.slice(0, writes).map((at, n) => at - started[n])).sort((a, b) => a - b);
  return {
    readers: count,
    writes,
    complete_readers: readers.filter((reader) => reader.arrivals.length >= writes).length,
    freshness_p50_ms: Math.round(percentile(delays, 50)),
    freshness_p95_ms: Math.round(percentile(delays, 95)),
    connect_s: Number(connectSeconds.toFixed(1)),
  };
}

/** The resident memory of process `pid` in bytes (Linux). */
export async function residentBytes(pid: number): Promise<number> {
  const { readFile } = await import("node:fs/promises");
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) * 1024;
}
