/**
 * Support ids on Azure failures: ARM's x-ms-correlation-request-id and x-ms-request-id are kept on
 * every AzureError (and in the words recorded for people), and Crosslink's own request or job id is
 * sent as x-ms-client-request-id.
 */
import { createHttpHeaders, createPipelineRequest, type PipelineResponse } from "@azure/core-rest-pipeline";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FABRIKAM_RESOURCES as F } from "../../dev/world/demo-resources";
import { fabrikamEndpointRequest, failureOf, startTestWorld, type TestWorld } from "@/tests/support/test-world";
import { failureOf as jobFailureOf } from "../jobs/job";
import { errorAnswer } from "../core/error-answer";
import { AzureError, userMessageWithSupportIds } from "./azure-error";
import { clientRequestIdPolicy, withAzureClientRequestId } from "./client-request-id";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("x-ms-client-request-id", () => {
  const send = async () => {
    const request = createPipelineRequest({ url: "https://management.azure.com/subscriptions" });
    await clientRequestIdPolicy.sendRequest(request, async (r): Promise<PipelineResponse> => ({ request: r, status: 200, headers: createHttpHeaders() }));
    return request.headers.get("x-ms-client-request-id");
  };

  it("is the current request's or job's id, also across awaits", async () => {
    expect(await withAzureClientRequestId("req-1234abcd", async () => {
      await new Promise((r) => setTimeout(r, 1));
      return send();
    })).toBe("req-1234abcd");
    const [a, b] = await Promise.all([withAzureClientRequestId("job-a", send), withAzureClientRequestId("job-b", send)]);
    expect([a, b]).toEqual(["job-a", "job-b"]);
  });

  it("is left to the SDK outside any request", async () => {
    expect(await send()).toBeUndefined();
  });
});

describe("ARM's ids on an AzureError", () => {
  let w: TestWorld;
  beforeAll(async () => {
    w = await startTestWorld();
  });
  afterAll(() => w?.close());
  beforeEach(() => w.reset());

  it("keeps the correlation and request ids of ARM's answer and the client request id sent", async () => {
    const err = await withAzureClientRequestId("crosslink-req-0042", () =>
      failureOf(w.consumer("felix@fabrikam.onmicrosoft.com").createPrivateEndpoint(fabrikamEndpointRequest("pe-delegated", { subnetId: F.vnet.subnets.appservice.id }))),
    );
    expect(err).toBeInstanceOf(AzureError);
    const e = err as AzureError;
    expect(e.correlationId).toMatch(GUID);
    expect(e.requestId).toMatch(GUID);
    expect(e.clientRequestId).toBe("crosslink-req-0042");
    expect(e.toJSON()).toMatchObject({ correlationId: e.correlationId, requestId: e.requestId, clientRequestId: "crosslink-req-0042" });

    // Where failures are recorded for people (a job's last error and timeline) and answered at the edge.
    const words = `${e.userMessage} (Azure correlation ID ${e.correlationId}, request ID ${e.requestId})`;
    expect(userMessageWithSupportIds(e)).toBe(words);
    expect(jobFailureOf(e).message).toBe(words);
    expect(errorAnswer(e, "req").message).toBe(words);
  });

  it("adds nothing when Azure gave no ids", () => {
    const e = new AzureError({ status: null, code: "NetworkError", message: "ECONNRESET", userMessage: "Could not reach Azure.", retryable: true });
    expect(userMessageWithSupportIds(e)).toBe("Could not reach Azure.");
  });
});
