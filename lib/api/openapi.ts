// The OpenAPI 3.1 document of the public API, served at /api/openapi.json. Generated from the operation
// list (./operations.ts) and its zod schemas (./schemas.ts), which the route handlers use to validate;
// tests/e2e/api-contract.test.ts validates the document and holds live answers to it.
import { z } from "@/lib/zod";
import { OPERATIONS, type Operation } from "./operations";
import { answerSchemas, requestSchemas } from "./schemas";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const problemContent = { "application/problem+json": { schema: ref("Problem") } };

/** Named schemas, with references between them pointing into components.schemas. */
function componentSchemas() {
  const convert = (registry: typeof requestSchemas, io: "input" | "output") => {
    const { schemas } = z.toJSONSchema(registry, { io, uri: (id) => `#/components/schemas/${id}`, unrepresentable: "any" }) as {
      schemas: Record<string, Record<string, unknown>>;
    };
    for (const schema of Object.values(schemas)) {
      delete schema.$schema;
      delete schema.$id;
    }
    return schemas;
  };
  return { ...convert(answerSchemas, "output"), ...convert(requestSchemas, "input") };
}

/** A schema in place: its name when it is a component, else its JSON Schema inline. */
function schemaFor(schema: z.ZodType, io: "input" | "output") {
  const named = (io === "input" ? requestSchemas : answerSchemas).get(schema)?.id;
  if (named) return ref(named);
  const inline = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Record<string, unknown>;
  delete inline.$schema;
  return inline;
}

/** Path and query parameters, one per field of the operation's object schema. */
function parameters(operation: Operation) {
  const list: Record<string, unknown>[] = [];
  for (const [where, schema] of [
    ["path", operation.params],
    ["query", operation.query],
  ] as const) {
    if (!schema) continue;
    const json = schemaFor(schema, "input") as { properties?: Record<string, Record<string, unknown>>; required?: string[] };
    for (const [name, property] of Object.entries(json.properties ?? {})) {
      const { description, ...fieldSchema } = property;
      list.push({
        name,
        in: where,
        required: where === "path" || (json.required ?? []).includes(name),
        ...(description ? { description } : {}),
        schema: fieldSchema,
      });
    }
  }
  if (operation.operationId === "postResponse") {
    list.push({
      name: "Idempotency-Key",
      in: "header",
      required: false,
      description: "Makes a retry safe: the same key answers with the response it already created.",
      schema: { type: "string", pattern: "^[A-Za-z0-9_-]{16,64}$" },
    });
  }
  return list;
}

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: "The request is not valid (invalid_request, malformed_json); `errors` lists each field at fault.",
  401: "The token is missing (unauthorized) or not valid: mistyped, revoked or expired (invalid_token).",
  403: "The token cannot do this (insufficient_scope), or its owner may not (forbidden: suspended, silenced, own response).",
  404: "No such article, claim or response, or it is not public.",
  409: "The debate is locked or under review, or the response takes no votes or replies.",
  413: "The request body is over 1 MB.",
  415: "The body is not JSON.",
  429: "Too many requests; Retry-After says when to try again.",
  500: "Something failed on our side; nothing was changed.",
  503: "The database is unreachable for a moment; Retry-After says when to try again.",
};

const RATE_LIMIT_HEADERS = {
  "RateLimit-Limit": { description: "Requests allowed per minute for this caller.", schema: { type: "integer" } },
  "RateLimit-Remaining": { description: "Requests left in the current minute.", schema: { type: "integer" } },
  "RateLimit-Reset": { description: "Seconds until the window resets.", schema: { type: "integer" } },
};

function responses(operation: Operation) {
  const statuses = new Set<number>([...operation.errors, 401, 429, 500, 503]);
  if (operation.access === "write") statuses.add(403);
  const answers: Record<string, unknown> = {
    [operation.success.status]: {
      description: operation.success.description,
      headers: {
        ...RATE_LIMIT_HEADERS,
        ...(operation.success.status === 201 ? { Location: { description: "The new resource's address in the API.", schema: { type: "string" } } } : {}),
      },
      content: { "application/json": { schema: schemaFor(operation.success.schema, "output") } },
    },
  };
  if (operation.alreadyThere) {
    answers["200"] = {
      description: operation.alreadyThere,
      headers: RATE_LIMIT_HEADERS,
      content: { "application/json": { schema: schemaFor(operation.success.schema, "output") } },
    };
  }
  for (const status of [...statuses].sort()) {
    const retry = status === 429 || status === 503 ? { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } } : {};
    answers[status] = { description: ERROR_DESCRIPTIONS[status], headers: retry, content: problemContent };
  }
  return answers;
}

function pathItem(operation: Operation) {
  return {
    operationId: operation.operationId,
    tags: [operation.tag],
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
    // Public operations take a token optionally (it raises the caller's rate limit).
    security: operation.access === "public" ? [{}, { accessToken: [] }] : [{ accessToken: [] }],
    parameters: parameters(operation),
    ...(operation.body ? { requestBody: { required: true, content: { "application/json": { schema: schemaFor(operation.body, "input") } } } } : {}),
    responses: responses(operation),
  };
}

const documents = new Map<string, ReturnType<typeof buildDocument>>();

/** The document, built once per server address (it depends on nothing else) for the JSON and the /developers page. */
export function openApiDocument(serverUrl: string) {
  let document = documents.get(serverUrl);
  if (!document) {
    document = buildDocument(serverUrl);
    documents.set(serverUrl, document);
  }
  return document;
}

function buildDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of OPERATIONS) {
    paths[operation.path] ??= {};
    paths[operation.path][operation.method.toLowerCase()] = pathItem(operation);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Arguably API",
      version: "1.0.0",
      description:
        "Read Arguably's articles, claims, responses and standings; post responses and vote with a personal access token (create one on your settings page, send it as `Authorization: Bearer <token>`). Lists are paginated with opaque cursors. Every error is RFC 9457 problem details. Every answer carries RateLimit-* headers.",
    },
    servers: [{ url: serverUrl }],
    tags: [
      { name: "Articles", description: "Published articles and their claims." },
      { name: "Claims", description: "Arguable claims anchored in an article's text." },
      { name: "Responses", description: "Supporting and opposing arguments, in trees." },
      { name: "Account", description: "The token's owner." },
    ],
    paths,
    components: {
      schemas: componentSchemas(),
      securitySchemes: { accessToken: { type: "http", scheme: "bearer", description: "A personal access token (arg_pat_…) from your settings page." } },
    },
  };
}
