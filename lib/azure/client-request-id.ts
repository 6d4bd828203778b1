import { AsyncLocalStorage } from "node:async_hooks";
import type { PipelinePolicy } from "@azure/core-rest-pipeline";

/**
 * Crosslink's own id for the work in progress (an HTTP request's id, or a job's id: jobs have no
 * HTTP request), sent to Azure as `x-ms-client-request-id` on every call made during that work, so
 * ARM's logs and Crosslink's logs can be matched when support looks at a failure.
 *
 * An AsyncLocalStorage instead of a parameter: the provider's SDK clients are shared by every
 * request, and the id must follow each call. It lives on globalThis because Next.js bundles the
 * instrumentation (worker) apart from the routes; two copies of this module must share one store.
 */
const STORE_KEY = Symbol.for("crosslink.azureClientRequestId");
export const CLIENT_REQUEST_ID_HEADER = "x-ms-client-request-id";

function storage(): AsyncLocalStorage<string> {
  const holder = globalThis as { [STORE_KEY]?: AsyncLocalStorage<string> };
  return (holder[STORE_KEY] ??= new AsyncLocalStorage<string>());
}

/** Runs `work` with `id` as the client request id of every Azure call it makes. */
export function withAzureClientRequestId<T>(id: string, work: () => T): T {
  return storage().run(id, work);
}

export function currentAzureClientRequestId(): string | undefined {
  return storage().getStore();
}

/**
 * Sets the header from the current work's id (the SDK's own policy only sets a random one when the
 * header is missing). Retries of one call keep the same id, which is what ARM expects.
 */
export const clientRequestIdPolicy: PipelinePolicy = {
  name: "crosslinkClientRequestIdPolicy",
  sendRequest(request, next) {
    const id = currentAzureClientRequestId();
    if (id) request.headers.set(CLIENT_REQUEST_ID_HEADER, id);
    return next(request);
  },
};
