// Holds live answers of the public API to its own OpenAPI document (/api/openapi.json): the status must
// be documented for the operation, the content type must be the documented one, and the body must
// validate against the documented JSON Schema (Ajv, draft 2020-12, formats checked). Remembers which
// operations and statuses were exercised, so a test can insist that every operation was.
import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

type Json = Record<string, unknown>;

interface DocumentedOperation {
  path: string;
  method: string;
  responses: Record<string, { content?: Record<string, unknown> }>;
}

export class ApiContract {
  readonly exercised = new Map<string, Set<number>>();
  private readonly ajv: Ajv2020;

  private constructor(
    readonly document: Json,
    private readonly operations: Map<string, DocumentedOperation>,
  ) {
    this.ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(this.ajv);
    this.ajv.addSchema(document, "openapi.json");
  }

  /** Fetches the document and checks it is a valid OpenAPI 3.1 description before anything else. */
  static async load(baseUrl: string) {
    const document = (await (await fetch(new URL("/api/openapi.json", baseUrl))).json()) as Json;
    const verdict = await new Validator().validate(document);
    if (!verdict.valid) throw new Error(`/api/openapi.json is not a valid OpenAPI document: ${JSON.stringify(verdict.errors, null, 2)}`);
    const operations = new Map<string, DocumentedOperation>();
    for (const [path, item] of Object.entries(document.paths as Record<string, Record<string, Json>>)) {
      for (const [method, operation] of Object.entries(item)) {
        operations.set(operation.operationId as string, { path, method, responses: operation.responses as DocumentedOperation["responses"] });
      }
    }
    return new ApiContract(document, operations);
  }

  get operationIds() {
    return [...this.operations.keys()];
  }

  /** The documented method and path of an operation, with path parameters filled in. */
  route(operationId: string, parameters: Record<string, string> = {}) {
    const operation = this.operation(operationId);
    const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(parameters[name] ?? ""));
    return { method: operation.method.toUpperCase(), path };
  }

  /**
   * Checks one live answer against the document and returns its parsed body. Throws, naming the
   * difference, when the status is undocumented, the content type differs or the body does not validate.
   */
  async check<T = Json>(operationId: string, response: Response): Promise<T> {
    const operation = this.operation(operationId);
    const documented = operation.responses[String(response.status)];
    const text = await response.text();
    if (!documented) throw new Error(`${operationId} answered ${response.status}, which its document does not list: ${text.slice(0, 300)}`);
    const mediaType = Object.keys(documented.content ?? {})[0];
    const actualType = (response.headers.get("content-type") ?? "").split(";")[0].trim();
    if (mediaType !== actualType) throw new Error(`${operationId} ${response.status}: content type ${actualType}, documented ${mediaType}`);
    const body = JSON.parse(text) as unknown;
    const pointer = ["paths", operation.path, operation.method, "responses", String(response.status), "content", mediaType, "schema"]
      .map((part) => part.replace(/~/g, "~0").replace(/\//g, "~1"))
      .join("/");
    const validate = this.ajv.getSchema(`openapi.json#/${pointer}`);
    if (!validate) throw new Error(`No schema at ${pointer}`);
    if (!validate(body)) {
      throw new Error(`${operationId} ${response.status} does not match its documented schema: ${this.ajv.errorsText(validate.errors)}\n${text.slice(0, 500)}`);
    }
    const statuses = this.exercised.get(operationId) ?? new Set<number>();
    statuses.add(response.status);
    this.exercised.set(operationId, statuses);
    return body as T;
  }

  private operation(operationId: string) {
    const operation = this.operations.get(operationId);
    if (!operation) throw new Error(`The document has no operation ${operationId}.`);
    return operation;
  }
}
