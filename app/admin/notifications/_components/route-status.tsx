import type { RouteSummary } from "@/lib/notify/routes";
import { Timestamp } from "@/app/_components/timestamp";
import { TONE_STYLES } from "../_lib/delivery-words";

const BADGE = "inline-flex rounded-full px-2 py-0.5 text-xs font-semibold";

/**
 * Whether a route sends: Active, Paused (by an admin) or Disabled (by Crosslink, with its reason
 * and since when), and a warning while its deliveries keep failing.
 */
export function RouteStatus({ route }: { route: Pick<RouteSummary, "status" | "disabledReason" | "disabledAt" | "failingSince"> }) {
  return (
    <div className="space-y-1" data-testid="route-status">
      {route.status === "active" && <span className={`${BADGE} ${TONE_STYLES.success}`}>Active</span>}
      {route.status === "paused" && <span className={`${BADGE} ${TONE_STYLES.neutral}`}>Paused</span>}
      {route.status === "disabled" && (
        <>
          <span className={`${BADGE} ${TONE_STYLES.danger}`}>Disabled</span>
          <p className="text-xs text-danger">
            {route.disabledReason ?? "Crosslink disabled it."}
            {route.disabledAt && (
              <>
                {" "}
                Since <Timestamp date={route.disabledAt} />.
              </>
            )}
          </p>
        </>
      )}
      {route.status !== "disabled" && route.failingSince && (
        <p className="text-xs text-warning" data-testid="route-failing">
          <span aria-hidden="true">⚠ </span>Failing since <Timestamp date={route.failingSince} />
        </p>
      )}
    </div>
  );
}
