// A website on this machine for the import paths (submissions, feeds): an HTTP server on a free port of
// 127.0.0.1, named in FETCH_ALLOW_HOSTS, the one setting that lets the fetcher reach a private host.
// Set before the app's modules read it; lib/env.ts reads the variable at each fetch.
import http from "node:http";
import type { AddressInfo } from "node:net";

/** `handle` gets each request with the site's own base address ("http://127.0.0.1:PORT"). */
export async function startLocalSite(handle: (request: http.IncomingMessage, response: http.ServerResponse, base: string) => void) {
  let base = "";
  const server = http.createServer((request, response) => handle(request, response, base));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  process.env.FETCH_ALLOW_HOSTS = `127.0.0.1:${port}`;
  return { base, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
