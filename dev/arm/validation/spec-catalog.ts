/**
 * The Azure REST specs (Swagger 2.0) as JSON-schema validators.
 *
 * Each spec file is added to ajv under its file URL, so the specs' relative `$ref`s
 * (`./network.json#/definitions/Resource`, `../../../common-types/...`) resolve as written; schemas
 * taken out of a spec have their `$ref`s rewritten to absolute URLs first. Swagger quirks: the
 * `x-ms-*` keywords, `discriminator` as a string and `readOnly` are not JSON-schema validation
 * keywords, so ajv runs non-strict and ignores them; Swagger formats (int32, int64, arm-id, ...)
 * are registered as known. Two files the specs reference were not copied (networkSecurityGroup.json,
 * virtualNetworkTap.json; see dev/arm/specs/README.md); they get permissive stand-ins.
 *
 * The same catalog serves request validation at runtime and the conformance tests.
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { MISSING_STANDINS, SPEC_FILES, SPECS_DIR_IN_REPO } from "./spec-manifest";

/** The in-repository copy (dev/arm/specs/specification), unless LOCAL_ARM_SPECS_DIR names another. */
export const DEFAULT_SPECS_DIR = process.env.LOCAL_ARM_SPECS_DIR ? path.resolve(process.env.LOCAL_ARM_SPECS_DIR) : SPECS_DIR_IN_REPO;

export type SpecResponse = { schema?: object; headers?: Record<string, unknown> };

export type SpecOperation = {
  operationId: string;
  method: string;
  path: string;
  file: string;
  bodySchema?: object;
  /** Name of the body parameter (the key holding the body in x-ms-examples). */
  bodyParamName?: string;
  bodyRequired: boolean;
  responses: Record<string, SpecResponse>;
  longRunning: boolean;
  finalStateVia?: string;
  /** Absolute paths of the operation's x-ms-examples that exist. */
  examples: string[];
};

type Json = Record<string, unknown>;

function walkFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "examples") out.push(...walkFiles(full));
    } else if (entry.name.endsWith(".json")) out.push(full);
  }
  return out;
}

/** Rewrites every `$ref` in a schema fragment to an absolute URL relative to `baseUrl`. */
function absolutize(node: unknown, baseUrl: string): unknown {
  if (Array.isArray(node)) return node.map((n) => absolutize(n, baseUrl));
  if (node && typeof node === "object") {
    const out: Json = {};
    for (const [k, v] of Object.entries(node as Json)) {
      out[k] = k === "$ref" && typeof v === "string" ? new URL(v, baseUrl).href : absolutize(v, baseUrl);
    }
    return out;
  }
  return node;
}

function pointer(doc: unknown, fragment: string): unknown {
  let cur: unknown = doc;
  for (const raw of fragment.replace(/^#?\//, "").split("/")) {
    if (raw === "") continue;
    const key = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    cur = cur && typeof cur === "object" ? (cur as Json)[key] : undefined;
  }
  return cur;
}

export class SpecCatalog {
  readonly ajv: Ajv;
  private docs = new Map<string, Json>(); // file URL (no fragment) → parsed doc
  private ops = new Map<string, SpecOperation>();
  private validators = new Map<string, ValidateFunction>();

  private constructor(readonly dir: string) {
    this.ajv = new Ajv({
      strict: false,
      allErrors: true,
      validateSchema: false,
      allowUnionTypes: true,
      discriminator: false,
    });
    addFormats(this.ajv);
    for (const f of ["int32", "int64", "float", "double", "byte", "binary", "arm-id", "password", "unixtime", "decimal", "base64url", "duration-constant", "url"]) {
      this.ajv.addFormat(f, true);
    }
    for (const file of walkFiles(dir)) this.addDoc(file, JSON.parse(fs.readFileSync(file, "utf8")) as Json);
    for (const [rel, names] of Object.entries(MISSING_STANDINS)) {
      const file = path.join(dir, rel);
      if (fs.existsSync(file)) continue;
      this.addDoc(file, { definitions: Object.fromEntries(names.map((n) => [n, { type: ["object", "string"] }])) });
    }
    for (const [url, doc] of this.docs) {
      if (doc.paths) this.indexOperations(url, doc);
    }
  }

  /** Loads the specs, or returns undefined when `dir` does not hold them (a wrong LOCAL_ARM_SPECS_DIR). */
  static tryLoad(dir = DEFAULT_SPECS_DIR): SpecCatalog | undefined {
    if (!fs.existsSync(path.join(dir, SPEC_FILES.privateEndpoint))) return undefined;
    return new SpecCatalog(dir);
  }

  private addDoc(file: string, doc: Json): void {
    const url = pathToFileURL(file).href;
    this.docs.set(url, doc);
    this.ajv.addSchema(doc as object, url);
  }

  private resolveParam(param: Json, baseUrl: string): { param: Json; baseUrl: string } {
    if (typeof param.$ref !== "string") return { param, baseUrl };
    const target = new URL(param.$ref, baseUrl);
    const docUrl = target.href.split("#")[0]!;
    const doc = this.docs.get(docUrl);
    const found = doc ? (pointer(doc, target.hash) as Json | undefined) : undefined;
    if (!found) throw new Error(`unresolvable parameter ${param.$ref} from ${baseUrl}`);
    return this.resolveParam(found, docUrl);
  }

  private indexOperations(url: string, doc: Json): void {
    const file = new URL(url).pathname;
    for (const [p, item] of Object.entries(doc.paths as Record<string, Json>)) {
      const common = (item.parameters as Json[] | undefined) ?? [];
      for (const [method, raw] of Object.entries(item)) {
        if (method === "parameters") continue;
        const op = raw as Json;
        let bodySchema: object | undefined;
        let bodyParamName: string | undefined;
        let bodyRequired = false;
        for (const prm of [...common, ...((op.parameters as Json[] | undefined) ?? [])]) {
          const { param, baseUrl } = this.resolveParam(prm, url);
          if (param.in === "body") {
            bodySchema = absolutize(param.schema, baseUrl) as object;
            bodyParamName = param.name as string;
            bodyRequired = param.required === true;
          }
        }
        const responses: Record<string, SpecResponse> = {};
        for (const [status, r] of Object.entries((op.responses as Record<string, Json>) ?? {})) {
          responses[status] = {
            schema: r.schema ? (absolutize(r.schema, url) as object) : undefined,
            headers: r.headers as Record<string, unknown> | undefined,
          };
        }
        const examples: string[] = [];
        for (const ex of Object.values((op["x-ms-examples"] as Record<string, Json>) ?? {})) {
          if (typeof ex.$ref !== "string") continue;
          const exFile = new URL(ex.$ref, url).pathname;
          if (fs.existsSync(exFile)) examples.push(exFile);
        }
        const lroOptions = op["x-ms-long-running-operation-options"] as Json | undefined;
        this.ops.set(op.operationId as string, {
          operationId: op.operationId as string,
          method: method.toUpperCase(),
          path: p,
          file,
          bodySchema,
          bodyParamName,
          bodyRequired,
          responses,
          longRunning: op["x-ms-long-running-operation"] === true,
          finalStateVia: lroOptions?.["final-state-via"] as string | undefined,
          examples,
        });
      }
    }
  }

  operation(operationId: string): SpecOperation | undefined {
    return this.ops.get(operationId);
  }

  operations(): SpecOperation[] {
    return [...this.ops.values()];
  }

  /** A compiled validator for a schema taken from `operation()` (cached). */
  validator(schema: object): ValidateFunction {
    const key = JSON.stringify(schema);
    let v = this.validators.get(key);
    if (!v) {
      v = this.ajv.compile(schema);
      this.validators.set(key, v);
    }
    return v;
  }

  bodyValidator(operationId: string): ValidateFunction | undefined {
    const op = this.ops.get(operationId);
    return op?.bodySchema ? this.validator(op.bodySchema) : undefined;
  }

  responseValidator(operationId: string, status: number): ValidateFunction | undefined {
    const op = this.ops.get(operationId);
    const r = op?.responses[String(status)] ?? op?.responses.default;
    return r?.schema ? this.validator(r.schema) : undefined;
  }
}

export function describeAjvErrors(errors: ErrorObject[] | null | undefined, root = ""): { path: string; message: string }[] {
  return (errors ?? []).map((e) => {
    const p = (root + e.instancePath).replace(/^\//, "").replace(/\/(\d+)(?=\/|$)/g, "[$1]").replace(/\//g, ".");
    return { path: p || "(body)", message: `${p || "body"} ${e.message ?? "is invalid"}` };
  });
}
