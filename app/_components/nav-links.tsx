"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export type NavItem = { href: string; label: string };

/** Primary navigation; the current section is marked for screen readers with aria-current. */
export function NavLinks({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  const matches = (href: string) => (href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`));
  // The most specific matching link is the current one (/requests/new, not also /requests).
  const currentHref = items.filter((i) => matches(i.href)).sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return (
    <ul className="flex flex-wrap items-center gap-1">
      {items.map((item) => {
        const current = item.href === currentHref;
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={current ? "page" : undefined}
              className={`inline-flex min-h-8 items-center rounded-fl px-3 text-sm hover:bg-surface2 ${
                current ? "font-semibold text-brand-fg underline decoration-2 underline-offset-[10px]" : "text-fg2"
              }`}
            >
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
