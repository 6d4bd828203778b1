import type { NavItem } from "@/app/_components/nav-links";

/** The admin's link to the notification routes and reminders (for navItemsFor, admins only). */
export const notificationsNavItem: NavItem = { href: "/admin/notifications", label: "Notification routes" };
