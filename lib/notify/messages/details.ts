import { STATE_WORDS } from "../../domain/request-words";
import type { NotificationFacts } from "../facts";
import { oneLine } from "./format";

/**
 * The facts at a glance, as label/value pairs (a Teams FactSet, Slack fields): who asks, for
 * what, and where it stands; or, for a route's own message, which route and why.
 */
export function detailRows(facts: NotificationFacts): { label: string; value: string }[] {
  const rows: { label: string; value: string }[] = [];
  const r = facts.request;
  if (r) {
    rows.push({ label: "Consumer", value: oneLine(r.consumerTenantName) });
    if (r.requesterName) rows.push({ label: "Requested by", value: oneLine(r.requesterName) });
    rows.push({ label: "Resource", value: `${oneLine(r.targetName)} (${oneLine(r.targetTypeLabel)})` });
    rows.push({ label: "Sub-resource", value: oneLine(r.groupId) });
    if (r.endpointName) rows.push({ label: "Private endpoint", value: oneLine(r.endpointName) });
    rows.push({ label: "State", value: STATE_WORDS[r.state].label });
  } else if (facts.route) {
    rows.push({ label: "Route", value: oneLine(facts.route.name) });
    if (facts.route.reason) rows.push({ label: "Reason", value: oneLine(facts.route.reason) });
  }
  return rows;
}
