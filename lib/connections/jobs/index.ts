import { applyDecisionJob } from "./apply-decision";
import { createEndpointJob } from "./create-endpoint";
import { deleteEndpointJob } from "./delete-endpoint";

/** The connection lifecycle's jobs, for the registry (lib/services.ts). */
export const CONNECTION_JOBS = [createEndpointJob, deleteEndpointJob, applyDecisionJob] as const;
export { applyDecisionJob, createEndpointJob, deleteEndpointJob };
