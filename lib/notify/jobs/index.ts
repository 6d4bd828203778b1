import { deliverJob } from "./deliver";

/** The notification jobs, for the registry (lib/services.ts). */
export const NOTIFY_JOBS = [deliverJob] as const;
