import Link from "next/link";
import type { Principal } from "@/lib/auth/principal";
import { activityFor, type Activity } from "@/lib/home/activity";
import { getSharedServices } from "@/lib/services";
import { logger } from "@/lib/log/logger";
import { NavLinks, type NavItem } from "./nav-links";
import { UserMenu } from "./user-menu";
import { buttonStyles } from "./ui";
import { LiveActivity } from "./live/live-activity";
import { NotificationsBell } from "./live/notifications-bell";
import { LocalMailLink } from "./local-mail-link";
import { notificationsNavItem } from "@/app/admin/notifications/nav";
import { inboxMarkOfRequest } from "@/app/_lib/inbox-mark";

/** Navigation follows the roles checked on the server; links alone grant nothing. */
export function navItemsFor(principal: Principal | null): NavItem[] {
  if (!principal) return [];
  const items: NavItem[] = [
    { href: "/requests", label: "My requests" },
    { href: "/requests/new", label: "New request" },
  ];
  if (principal.roles.includes("provider")) {
    items.push({ href: "/provider", label: "Provider inbox", count: "pending" }, { href: "/provider/resources", label: "Resources" });
  }
  if (principal.roles.includes("admin")) items.push({ href: "/admin/audit", label: "Audit trail" }, notificationsNavItem);
  return items;
}

/**
 * The counts the header shows first (then kept current in the browser, see LiveActivity). A
 * failure to read them costs the page nothing: the first poll fills them in.
 */
async function activitySeed(principal: Principal | null): Promise<Activity | null> {
  if (!principal) return null;
  try {
    return await activityFor(getSharedServices().db, principal, (_db, p) => inboxMarkOfRequest(p));
  } catch (err) {
    logger().warn({ err }, "header: the activity counts could not be read");
    return null;
  }
}

export async function AppHeader({ principal }: { principal: Principal | null }) {
  const activity = await activitySeed(principal);
  return (
    // relative: on phones the folded navigation opens as a panel under the header.
    <header className="relative border-b border-stroke2 bg-surface">
      <div className="mx-auto flex min-h-12 max-w-6xl items-center gap-1.5 px-3 sm:gap-3 sm:px-4 md:gap-6">
        <Link href="/" className="flex shrink-0 items-center gap-2 font-semibold text-fg1">
          <svg aria-hidden="true" width="20" height="20" viewBox="0 0 20 20" className="text-brand-fg">
            <path
              fill="currentColor"
              d="M7 3a4 4 0 0 0 0 8h1.5v-2H7a2 2 0 1 1 0-4h4a2 2 0 0 1 1.73 3l1.73 1A4 4 0 0 0 11 3H7Zm6 6h-1.5v2H13a2 2 0 1 1 0 4H9a2 2 0 0 1-1.73-3l-1.73-1A4 4 0 0 0 9 17h4a4 4 0 0 0 0-8Z"
            />
          </svg>
          Crosslink
        </Link>
        <nav aria-label="Main" className="flex flex-1 justify-end md:justify-start">
          <NavLinks items={navItemsFor(principal)} activity={activity} />
        </nav>
        <LocalMailLink principal={principal} />
        {principal && <NotificationsBell seed={activity} />}
        {principal ? (
          <UserMenu
            name={principal.name}
            username={principal.username}
            tenantName={principal.tenantName}
            tenantId={principal.tenantId}
            roles={principal.roles}
          />
        ) : (
          <a href="/auth/sign-in" className={buttonStyles.primary}>
            Sign in
          </a>
        )}
      </div>
      {principal && <LiveActivity seed={activity} />}
    </header>
  );
}
