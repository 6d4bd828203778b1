import type { Handler } from "../../outbox/worker";
import { applyDecisionJob } from "./apply-decision";
import { createEndpointJob } from "./create-endpoint";
import { deleteEndpointJob } from "./delete-endpoint";
import type { JobDeps } from "./deps";

/** The outbox topics of the connection lifecycle and their handlers. */
export function connectionJobHandlers(deps: JobDeps): Record<string, Handler> {
  return {
    "endpoint.create": (m) => createEndpointJob(deps, m),
    "endpoint.delete": (m) => deleteEndpointJob(deps, m),
    "connection.decide": (m) => applyDecisionJob(deps, m),
  };
}
