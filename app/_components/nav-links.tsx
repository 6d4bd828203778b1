"use client";

import { useId, useRef, useState, type KeyboardEvent } from "react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { Activity } from "@/lib/home/activity";
import { PendingCount } from "./live/pending-count";

/** `count: "pending"`: the link carries the provider's live number of Pending requests. */
export type NavItem = { href: string; label: string; count?: "pending" };

/**
 * Primary navigation; the current section is marked for screen readers with aria-current.
 * On wide screens the links sit in the header. On narrow ones (phones) they would stack several
 * rows deep, so they fold behind a Menu button: a disclosure (aria-expanded/aria-controls) that
 * Escape closes, returning focus to the button, and that closes itself on navigation. The button
 * carries the links' live count too, so it shows while they are folded away.
 */
export function NavLinks({ items, activity }: { items: NavItem[]; activity: Activity | null }) {
  const pathname = usePathname();
  const listId = useId();
  const button = useRef<HTMLButtonElement>(null);
  // Open for the page it was opened on: navigating elsewhere closes it without an effect.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const matches = (href: string) => (href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`));
  // The most specific matching link is the current one (/requests/new, not also /requests).
  const currentHref = items.filter((i) => matches(i.href)).sort((a, b) => b.href.length - a.href.length)[0]?.href;
  if (items.length === 0) return null;

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== "Escape" || !open) return;
    setOpenOn(null);
    button.current?.focus();
  };

  return (
    <div onKeyDown={onKeyDown}>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpenOn(open ? null : pathname)}
        className="inline-flex min-h-10 items-center gap-2 rounded-fl px-2 text-sm font-semibold text-fg1 hover:bg-surface2 md:hidden"
      >
        <svg aria-hidden="true" width="20" height="20" viewBox="0 0 20 20">
          {open ? (
            <path fill="currentColor" d="M4.1 4.1a.75.75 0 0 1 1.06 0L10 8.94l4.84-4.84a.75.75 0 1 1 1.06 1.06L11.06 10l4.84 4.84a.75.75 0 1 1-1.06 1.06L10 11.06l-4.84 4.84a.75.75 0 0 1-1.06-1.06L8.94 10 4.1 5.16a.75.75 0 0 1 0-1.06Z" />
          ) : (
            <path fill="currentColor" d="M2.75 5a.75.75 0 0 0 0 1.5h14.5a.75.75 0 0 0 0-1.5H2.75Zm0 4.25a.75.75 0 0 0 0 1.5h14.5a.75.75 0 0 0 0-1.5H2.75Zm0 4.25a.75.75 0 0 0 0 1.5h14.5a.75.75 0 0 0 0-1.5H2.75Z" />
          )}
        </svg>
        Menu
        {items.some((i) => i.count === "pending") && <PendingCount seed={activity} />}
      </button>
      <ul
        id={listId}
        className={`${open ? "flex" : "hidden"} absolute inset-x-0 top-full z-30 flex-col gap-1 border-b border-stroke2 bg-surface p-2 shadow-md md:static md:z-auto md:flex md:flex-row md:flex-wrap md:items-center md:border-0 md:bg-transparent md:p-0 md:shadow-none`}
      >
        {items.map((item) => {
          const current = item.href === currentHref;
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                // The current page's link does not navigate, so it would leave the menu open.
                onClick={() => setOpenOn(null)}
                className={`flex min-h-10 items-center rounded-fl px-3 text-sm hover:bg-surface2 md:inline-flex md:min-h-8 ${
                  current ? "font-semibold text-brand-fg underline decoration-2 underline-offset-[10px]" : "text-fg2"
                }`}
              >
                {item.label}
                {item.count === "pending" && <PendingCount seed={activity} />}
              </Link>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
