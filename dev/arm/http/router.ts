/**
 * Route table matching. Templates are ARM paths with `{param}` segments; literal segments
 * compare case-insensitively (ARM paths are case-insensitive), parameters are URL-decoded.
 * The first matching template wins, so literal routes (e.g. `.../virtualNetworkLinks`) are listed
 * before parameter routes that would also match (`.../{recordType}`).
 */
import type { IncomingHttpHeaders } from "node:http";
import type { Principal } from "../auth/tokens";
import type { ApiFamily } from "../protocol/api-versions";
import type { Reply } from "../protocol/lro";
import type { Services } from "../services";
import { ArmError, Errors } from "./errors";

export type { Reply };
export type Params = Record<string, string>;

export type Ctx = {
  svc: Services;
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  params: Params;
  principal: Principal;
  apiVersion: string;
  /** Parsed JSON body (PUT/PATCH/POST), undefined when there was none. */
  body: unknown;
  requestId: string;
  correlationId: string;
  route: Route;
};

export type Route = {
  method: "GET" | "PUT" | "PATCH" | "DELETE" | "POST";
  template: string;
  /** Spec operationId (or a local name for operations outside the spec copies). */
  operationId: string;
  family: ApiFamily;
  /** Resource type named in messages, e.g. "Microsoft.Network/privateEndpoints". */
  type: string;
  /** RBAC action checked at `scope`; omitted for tenant-level calls filtered per caller. */
  action?: string | ((p: Params) => string);
  /** Authorization scope; default: the request path. */
  scope?: (p: Params) => string;
  /** Namespace that must be registered in the subscription for writes. */
  namespace?: string;
  /** How schema violations of the body are reported (the services differ). */
  bodyErrors?: "network" | "web" | "privatedns";
  /** Validate the body against the spec's schema for `operationId`. */
  validateBody?: boolean;
  handle: (ctx: Ctx) => Reply | Promise<Reply>;
};

type Compiled = Route & { segments: string[]; lower: (string | null)[] };

export class Router {
  private routes: Compiled[] = [];

  add(...routes: Route[]): void {
    for (const r of routes) {
      const segments = r.template.split("/").slice(1);
      this.routes.push({
        ...r,
        segments,
        lower: segments.map((s) => (s.startsWith("{") ? null : s.toLowerCase())),
      });
    }
  }

  all(): Route[] {
    return this.routes;
  }

  /** Finds the route; throws 405 when the path exists for other methods, undefined when unknown. */
  match(method: string, path: string): { route: Route; params: Params } | undefined {
    const parts = path.split("/").slice(1);
    if (parts.length > 0 && parts[parts.length - 1] === "") parts.pop();
    const lowerParts = parts.map((p) => p.toLowerCase());
    let pathMatched = false;
    for (const r of this.routes) {
      if (r.lower.length !== parts.length) continue;
      let ok = true;
      for (let i = 0; i < parts.length; i++) {
        const lit = r.lower[i];
        if (lit !== null && lit !== lowerParts[i]) {
          ok = false;
          break;
        }
        if (lit === null && parts[i] === "") {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      pathMatched = true;
      if (r.method !== method) continue;
      const params: Params = {};
      for (let i = 0; i < parts.length; i++) {
        if (r.lower[i] === null) {
          const name = r.segments[i]!.slice(1, -1);
          try {
            params[name] = decodeURIComponent(parts[i]!);
          } catch {
            throw Errors.badRequest(`The request path segment '${parts[i]}' is not valid URL encoding.`);
          }
        }
      }
      return { route: r, params };
    }
    if (pathMatched) throw Errors.methodNotAllowed(method);
    return undefined;
  }
}

/** The ARM error for a path no route serves (unknown namespace or type, or nothing ARM-like). */
export function unknownPathError(path: string, apiVersion: string | null): ArmError {
  const m = /\/providers\/([^/]+)\/([^/?]+)/i.exec(path);
  if (m) {
    const ns = m[1]!;
    const known = ["microsoft.network", "microsoft.web", "microsoft.resources"];
    if (!known.includes(ns.toLowerCase())) return Errors.invalidResourceNamespace(ns);
    return Errors.invalidResourceType(m[2]!, ns, apiVersion ?? "");
  }
  return Errors.pathNotFound(path);
}
