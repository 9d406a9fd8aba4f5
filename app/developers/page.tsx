// /developers — the public API's reference for people, rendered from the same OpenAPI document that
// /api/openapi.json serves (lib/api/openapi.ts), so the page cannot say something the API does not do.
import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { openApiDocument } from "@/lib/api/openapi";
import { appUrl } from "@/lib/env";

export const metadata: Metadata = { title: "API for developers" };

type Schema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  $ref?: string;
  items?: Schema;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  default?: unknown;
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
};
type Parameter = { name: string; in: string; required: boolean; description?: string; schema: Schema };
type Operation = {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  security: Record<string, unknown>[];
  parameters: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: Schema }> }>;
};

/** A schema in a few words: "string, one of support, oppose", "integer 1–100, default 20". */
function describeType(schema: Schema, components: Record<string, Schema>): string {
  if (schema.$ref) return schema.$ref.split("/").at(-1)!;
  if (schema.anyOf) return schema.anyOf.map((part) => describeType(part, components)).join(" or ");
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return `one of ${schema.enum.map((value) => JSON.stringify(value)).join(", ")}`;
  const type = Array.isArray(schema.type) ? schema.type.join(" or ") : (schema.type ?? "any");
  const range = schema.minimum !== undefined && schema.maximum !== undefined ? ` ${schema.minimum}–${schema.maximum}` : "";
  const length = schema.minLength !== undefined && schema.maxLength !== undefined ? `, ${schema.minLength}–${schema.maxLength} characters` : "";
  const items = schema.items ? ` of ${describeType(schema.items, components)}` : "";
  const fallback = schema.default !== undefined ? `, default ${JSON.stringify(schema.default)}` : "";
  return `${type}${items}${range}${length}${fallback}`;
}

/** Markdown-style `code` in descriptions, shown as code. */
function Prose({ text }: { text: string }) {
  return <>{text.split("`").map((part, index) => (index % 2 ? <code key={index}>{part}</code> : part))}</>;
}

function bodyFields(schema: Schema, components: Record<string, Schema>): Parameter[] {
  const resolved = schema.$ref ? components[schema.$ref.split("/").at(-1)!] : schema;
  return Object.entries(resolved?.properties ?? {}).map(([name, field]) => ({
    name,
    in: "body",
    required: (resolved.required ?? []).includes(name),
    description: field.description,
    schema: field,
  }));
}

function curlExample(method: string, path: string, operation: Operation, site: string) {
  const needsToken = !operation.security.some((requirement) => Object.keys(requirement).length === 0);
  const lines = [
    `curl${method === "get" ? "" : ` -X ${method.toUpperCase()}`} '${site}${path.replace(/\{(\w+)\}/g, (_, name: string) => `$${name.toUpperCase()}`)}'`,
  ];
  if (needsToken) lines.push(`  -H "Authorization: Bearer $TOKEN"`);
  if (operation.requestBody) {
    const example =
      operation.operationId === "postResponse"
        ? '{"stance": "oppose", "body": "The figures cited are from 2019."}'
        : operation.operationId === "voteOnClaim"
          ? '{"value": "agree"}'
          : '{"value": "strong"}';
    lines.push(`  -H 'Content-Type: application/json' -d '${example}'`);
  }
  return lines.join(" \\\n");
}

function FieldTable({ caption, fields, components }: { caption: string; fields: Parameter[]; components: Record<string, Schema> }) {
  if (!fields.length) return null;
  return (
    <table className="w-full text-left text-sm">
      <caption className="py-1 text-left font-medium">{caption}</caption>
      <thead className="text-muted">
        <tr>
          <th scope="col" className="pr-3 font-medium">
            Name
          </th>
          <th scope="col" className="pr-3 font-medium">
            In
          </th>
          <th scope="col" className="pr-3 font-medium">
            Type
          </th>
          <th scope="col" className="font-medium">
            Meaning
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-line align-top">
        {fields.map((field) => (
          <tr key={`${field.in}-${field.name}`}>
            <td className="py-1 pr-3 font-mono">
              {field.name}
              {field.required ? <span className="text-muted"> (required)</span> : null}
            </td>
            <td className="py-1 pr-3">{field.in}</td>
            <td className="py-1 pr-3">{describeType(field.schema, components)}</td>
            <td className="py-1">
              <Prose text={field.description ?? field.schema.description ?? ""} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function DevelopersPage() {
  const site = appUrl().replace(/\/$/, "");
  const document = openApiDocument(site);
  const components = document.components.schemas as Record<string, Schema>;
  const operations = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item as Record<string, Operation>).map(([method, operation]) => ({ path, method, operation })),
  );
  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <div className="space-y-3">
        <h1 className="font-serif text-3xl font-semibold">The Arguably API</h1>
        <p>
          Read articles, claims, responses and standings as JSON; post responses and vote from your own tools. The machine-readable description is{" "}
          <a href="/api/openapi.json" className="text-accent underline">
            /api/openapi.json
          </a>{" "}
          (OpenAPI 3.1): generate a client from it, or read on.
        </p>
        <ul className="list-disc space-y-1 pl-5 text-sm">
          <li>
            <strong>Tokens.</strong> Reading needs none. To post or vote, create a personal access token with the write scope on your{" "}
            <Link href="/settings" className="text-accent underline">
              settings page
            </Link>{" "}
            and send it as <code>Authorization: Bearer &lt;token&gt;</code>. Cookies are never accepted.
          </li>
          <li>
            <strong>Pages.</strong> Lists take <code>limit</code> (1–100) and return <code>nextCursor</code>; pass it back as <code>cursor</code> for the next
            page (null on the last).
          </li>
          <li>
            <strong>Errors</strong> are RFC 9457 problem details (<code>application/problem+json</code>) with a stable <code>code</code> and, for invalid
            requests, <code>errors</code> naming each field.
          </li>
          <li>
            <strong>Limits.</strong> Every answer carries <code>RateLimit-Limit</code>, <code>RateLimit-Remaining</code> and <code>RateLimit-Reset</code>; past
            the limit, 429 with <code>Retry-After</code>. A token has a higher limit than an address without one.
          </li>
        </ul>
      </div>
      {operations.map(({ path, method, operation }) => {
        const success = Object.entries(operation.responses).find(([status]) => status.startsWith("2"))!;
        const successSchema = success[1].content?.["application/json"]?.schema;
        const needs = operation.security.some((requirement) => Object.keys(requirement).length === 0)
          ? "nothing (a token raises your rate limit)"
          : operation.operationId === "getMe"
            ? "any token"
            : "a token with the write scope";
        return (
          <section
            key={operation.operationId}
            aria-labelledby={operation.operationId}
            className="space-y-3 rounded-lg border border-line bg-white p-4"
            data-testid="api-operation"
          >
            <h2 id={operation.operationId} className="font-mono text-lg">
              <span className="mr-2 rounded bg-stone-200 px-1.5 py-0.5 text-sm font-semibold uppercase">{method}</span>
              {path}
            </h2>
            <p>{operation.summary}.</p>
            {operation.description ? (
              <p className="text-sm text-muted">
                <Prose text={operation.description} />
              </p>
            ) : null}
            <p className="text-sm">
              <strong>Needs:</strong> {needs}. <strong>Answers:</strong> {success[0]} with {successSchema ? describeType(successSchema, components) : "JSON"};
              errors{" "}
              {Object.keys(operation.responses)
                .filter((status) => !status.startsWith("2"))
                .join(", ")}
              .
            </p>
            <FieldTable caption="Parameters" fields={operation.parameters} components={components} />
            {operation.requestBody ? (
              <FieldTable
                caption="Request body (JSON)"
                fields={bodyFields(operation.requestBody.content["application/json"].schema, components)}
                components={components}
              />
            ) : null}
            <pre className="whitespace-pre-wrap break-all rounded bg-stone-100 p-3 text-xs">
              <code>{curlExample(method, path, operation, site)}</code>
            </pre>
          </section>
        );
      })}
    </div>
  );
}
