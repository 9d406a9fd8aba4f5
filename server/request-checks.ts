// What every request must be before any route sees it: a method its route takes, an address whose
// percent-encoding decodes to valid UTF-8 without NUL or control characters in its path, and (for
// bodies of text) valid UTF-8 with no NUL in any field. Anything else is refused here with a 400 or 405,
// once, for every route; the edge (./app-server.ts) applies these checks before the page cache, the vote
// endpoint and Next.js. Pure: no I/O, so the unit tests and the fuzz test exercise exactly this code.
// Why at the edge: PostgreSQL refuses NUL in text ("invalid byte sequence for encoding UTF8: 0x00") and
// decodeURIComponent throws on malformed input, so each route checking for itself had holes
// (decision 015).
import type { AppRoute } from "./route-list";

export interface Refusal {
  status: 400 | 405;
  /** A stable machine-readable code, as in the API's problem details. */
  code: "invalid_request" | "malformed_json" | "method_not_allowed";
  detail: string;
  allow?: string;
}

/** Methods some route of the site takes; anything else (TRACE, CONNECT, WebDAV's, …) is never taken. */
const KNOWN_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/**
 * A method the route at this address does not take is a 405 naming the ones it does (`route` from
 * ./route-list.ts; null when no route lives there, which Next.js answers with its 404).
 */
export function checkMethod(method: string, route: Pick<AppRoute, "methods"> | null): Refusal | null {
  const allowed = route?.methods ?? KNOWN_METHODS;
  if (allowed.includes(method)) return null;
  const allow = allowed.join(", ");
  return { status: 405, code: "method_not_allowed", detail: `${method} is not a method this address takes; it takes ${allow}.`, allow };
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** decodeURIComponent that answers null instead of throwing on malformed escapes or invalid UTF-8. */
export function decodeComponent(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

// C0 controls and DEL have no place in an address's path (ids, slugs); NUL has none anywhere.
const CONTROL = /[\u0000-\u001f\u007f]/;
const NUL = /\u0000/;

const invalid = (detail: string): Refusal => ({ status: 400, code: "invalid_request", detail });

/** Checks the request target (path and query) as sent, before anything decodes it. */
export function checkTarget(rawUrl: string): Refusal | null {
  // Most addresses have nothing encoded: nothing to decode, so nothing can be wrong but raw controls.
  if (!rawUrl.includes("%")) return CONTROL.test(rawUrl) ? invalid("The address is not valid: it contains control characters.") : null;
  const queryStart = rawUrl.indexOf("?");
  const path = queryStart === -1 ? rawUrl : rawUrl.slice(0, queryStart);
  const query = queryStart === -1 ? "" : rawUrl.slice(queryStart + 1);
  for (const segment of path.split("/")) {
    const decoded = decodeComponent(segment);
    if (decoded === null) return invalid("The address is not valid: it has a malformed percent-encoding or bytes that are not UTF-8.");
    if (CONTROL.test(decoded)) return invalid("The address is not valid: it contains control characters.");
  }
  return checkFormEncoded(query, "The address's query");
}

/** `a=1&b=2` as in queries and application/x-www-form-urlencoded bodies; `+` is a space. */
function checkFormEncoded(text: string, what: string): Refusal | null {
  if (!text) return null;
  for (const pair of text.split("&")) {
    for (const part of pair.split("=")) {
      const decoded = decodeComponent(part.replace(/\+/g, " "));
      if (decoded === null) return invalid(`${what} is not valid: it has a malformed percent-encoding or bytes that are not UTF-8.`);
      if (NUL.test(decoded)) return invalid(`${what} is not valid: it contains a NUL character.`);
    }
  }
  return null;
}

/** Media types whose bodies are text the app reads field by field; other bodies pass unread. */
export function bodyIsChecked(contentType: string): boolean {
  return /^(application\/([\w.+-]+\+)?json|application\/x-www-form-urlencoded|text\/plain|multipart\/form-data)\b/i.test(contentType.trim());
}

// A JSON string escape for NUL: `\u0000` preceded by an even number of backslashes (an odd number
// would make it the literal text "\u0000"). Backslashes occur only inside strings in valid JSON.
const JSON_NUL_ESCAPE = /(?<!\\)(?:\\\\)*\\u0000/i;

function checkText(text: string, what: string): Refusal | null {
  if (NUL.test(text) || JSON_NUL_ESCAPE.test(text)) return invalid(`${what} contains a NUL character, which Arguably does not accept in text.`);
  return null;
}

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

/** The text fields of a multipart body (parts without a filename), as raw bytes. */
function multipartTextFields(contentType: string, body: Buffer): Buffer[] | null {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  if (!boundary) return null;
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const fields: Buffer[] = [];
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    const part = body.subarray(start + delimiter.length, next);
    const headerEnd = part.indexOf("\r\n\r\n");
    if (headerEnd !== -1) {
      const headers = part.subarray(0, headerEnd).toString("latin1");
      // A file's bytes are its own business; only text fields are read as text.
      if (!/filename\*?=/i.test(headers)) fields.push(part.subarray(headerEnd + 4, Math.max(headerEnd + 4, part.length - 2)));
    }
    start = next;
  }
  return fields;
}

/** Whether the platform's own multipart parser (the one Next.js uses for forms) can read the body. */
async function multipartParses(contentType: string, body: Buffer) {
  try {
    await new Response(new Uint8Array(body), { headers: { "content-type": contentType } }).formData();
    return true;
  } catch {
    return false;
  }
}

/** Checks a request body of one of the checked media types (bodyIsChecked). */
export async function checkBody(contentType: string, body: Buffer): Promise<Refusal | null> {
  const type = contentType.trim().toLowerCase();
  if (type.startsWith("multipart/form-data")) {
    const fields = multipartTextFields(contentType.trim(), body);
    if (!fields || !(await multipartParses(contentType.trim(), body))) return invalid("The request body is not valid multipart form data.");
    for (const field of fields) {
      const text = decodeUtf8(field);
      if (text === null) return invalid("A form field is not valid UTF-8 text.");
      const refusal = checkText(text, "A form field");
      if (refusal) return refusal;
    }
    return null;
  }
  const text = decodeUtf8(body);
  if (text === null) return invalid("The request body is not valid UTF-8 text.");
  if (type.startsWith("application/x-www-form-urlencoded")) return checkFormEncoded(text, "The form");
  // A body that says it is JSON must be JSON, for every route: next-auth's handler, for one, parses it
  // unguarded and answers anything else (an empty body too) with a 500.
  if (/^application\/([\w.+-]+\+)?json\b/.test(type) && !parsesAsJson(text)) {
    return { status: 400, code: "malformed_json", detail: "The request body is not valid JSON." };
  }
  return checkText(text, "The request body");
}

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
