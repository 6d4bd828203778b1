import type { Db } from "../db/client";
import { authorize } from "../auth/authorize";
import type { Principal } from "../auth/principal";
import { verifyAuditChain } from "./audit-log";

/** The newest audit events and the chain's integrity verdict; admins only. */
export async function recentAuditEvents(db: Db, principal: Principal, take = 50) {
  authorize(principal, { role: "admin" });
  const [events, verdict] = await Promise.all([
    db.auditEvent.findMany({ orderBy: { seq: "desc" }, take: Math.min(take, 500) }),
    verifyAuditChain(db),
  ]);
  return { events, verdict };
}
