"use client";

import Link from "next/link";
import { settingsNavItem } from "@/app/settings/nav";
import * as DropdownMenu from "@radix-ui/react-dropdown-menu";

type Props = { name: string; username: string; tenantName: string; tenantId: string; roles: string[] };

/**
 * Who is signed in, in which tenant and with which roles, and the sign-out control. Radix gives the
 * menu keyboard support (arrows, Escape, typeahead) and the right ARIA roles.
 */
export function UserMenu({ name, username, tenantName, tenantId, roles }: Props) {
  return (
    <>
      {/* Sign-out is a POST; the menu item submits this form. */}
      <form id="sign-out-form" action="/auth/sign-out" method="post" className="hidden" />
      <DropdownMenu.Root>
        {/* Named by its own text, "Account: Priya Patel, Contoso", so the name contains what the
            button shows (WCAG 2.5.3). On a phone only the initials show; the name and tenant stay
            in the accessible name (screen-reader-only) instead of being removed. */}
        <DropdownMenu.Trigger className="flex min-h-10 items-center gap-3 rounded-fl px-2 text-left hover:bg-surface2">
          <span
            aria-hidden="true"
            className="flex h-8 w-8 shrink-0 items-center justify-center rounded-full bg-brand text-xs font-semibold text-on-brand"
          >
            {initials(name)}
          </span>
          <span className="sr-only">Account: </span>
          <span className="sr-only flex-col leading-tight sm:not-sr-only sm:flex">
            <span className="text-sm font-semibold text-fg1">
              <span data-testid="signed-in-name">{name}</span>
              {/* Heard, not seen. Not sr-only: an absolutely placed comma is read as a block of its own, "Priya Patel , Contoso". */}
              <span className="text-[0px]">,</span>
            </span>{" "}
            <span className="text-xs text-fg3" data-testid="signed-in-tenant">
              {tenantName}
            </span>
          </span>
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content
            align="end"
            sideOffset={6}
            className="z-50 min-w-64 rounded-fl-lg border border-stroke2 bg-surface p-1 text-fg1 shadow-lg"
          >
            <div className="px-3 py-2">
              <p className="font-semibold">{name}</p>
              <p className="text-xs text-fg3">{username}</p>
              <p className="mt-1 text-xs text-fg3">
                {tenantName} · <span className="font-mono">{tenantId}</span>
              </p>
              <p className="mt-1 text-xs text-fg2">Roles: {roles.join(", ")}</p>
            </div>
            <DropdownMenu.Separator className="my-1 h-px bg-stroke2" />
            <DropdownMenu.Item asChild className="flex w-full cursor-default items-center rounded-fl px-3 py-2 text-left text-sm outline-none data-[highlighted]:bg-surface2">
              <Link href={settingsNavItem.href}>Notification settings</Link>
            </DropdownMenu.Item>
            <DropdownMenu.Item
              // Radix closes the menu on select, which would swallow a native submit; submit here.
              onSelect={() => (document.getElementById("sign-out-form") as HTMLFormElement | null)?.requestSubmit()}
              className="flex w-full cursor-default items-center rounded-fl px-3 py-2 text-left text-sm outline-none data-[highlighted]:bg-surface2"
            >
              Sign out
            </DropdownMenu.Item>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
    </>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? "") + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? "") : "")).toUpperCase() || "?";
}
