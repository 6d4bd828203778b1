import type { NavItem } from "@/app/_components/nav-links";

/** Everyone's link to their own settings (today: which changes they are emailed about). */
export const settingsNavItem: NavItem = { href: "/settings/notifications", label: "Settings" };
