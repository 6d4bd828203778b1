/**
 * Azure's error code and message per failed answer, remembered by its x-ms-request-id.
 *
 * Why: the App Service SDK's paging throws "Pagination failed with unexpected statusCode 403"
 * and keeps only Azure's code, dropping ARM's message — the part that names the missing
 * permission and the scope. A policy on the client's pipeline notes each error body here, and
 * toAzureError looks it up by the failed answer's request id. Only code and message are kept
 * (never headers or the request), and only the most recent few hundred.
 */
import type { PipelinePolicy } from "@azure/core-rest-pipeline";

export type ErrorBody = { code?: string; message?: string };

const MAX_REMEMBERED = 300;
const bodies = new Map<string, ErrorBody>();

function remember(requestId: string, body: ErrorBody): void {
  bodies.delete(requestId);
  bodies.set(requestId, body);
  if (bodies.size > MAX_REMEMBERED) bodies.delete(bodies.keys().next().value as string);
}

export function rememberedErrorBody(requestId: string | null | undefined): ErrorBody | undefined {
  return requestId ? bodies.get(requestId) : undefined;
}

export function rememberErrorBodies(): PipelinePolicy {
  return {
    name: "crosslinkRememberErrorBodies",
    async sendRequest(request, next) {
      const response = await next(request);
      const requestId = response.headers.get("x-ms-request-id");
      if (response.status >= 400 && requestId && response.bodyAsText) {
        try {
          const error = (JSON.parse(response.bodyAsText) as { error?: { code?: unknown; message?: unknown } }).error;
          if (error) {
            remember(requestId, {
              code: typeof error.code === "string" ? error.code : undefined,
              message: typeof error.message === "string" ? error.message : undefined,
            });
          }
        } catch {
          // Not JSON: nothing to remember; the SDK's own error stands.
        }
      }
      return response;
    },
  };
}
