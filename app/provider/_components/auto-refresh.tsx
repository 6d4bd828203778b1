"use client";

import { useEffect, useRef, useTransition } from "react";
import { useRouter } from "next/navigation";

/**
 * Refreshes what the page shows every `intervalMs` while it is mounted: by default the whole page
 * from the server; with `refresh`, only the data of the component that renders it (`busy` tells
 * when its last refresh is still running). Pages render it only while something shown is still
 * being applied in Azure, so polling stops by itself once the states have settled. Skips a beat
 * while the previous refresh is still running or the tab is hidden.
 */
export function AutoRefresh({ intervalMs = 1000, message, refresh, busy = false }: { intervalMs?: number; message: string; refresh?: () => void; busy?: boolean }) {
  const router = useRouter();
  const [refreshing, startTransition] = useTransition();
  const running = useRef(false);
  useEffect(() => {
    running.current = refreshing || busy;
  }, [refreshing, busy]);
  useEffect(() => {
    const timer = setInterval(() => {
      if (running.current || document.visibilityState === "hidden") return;
      if (refresh) refresh();
      else startTransition(() => router.refresh());
    }, intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs, router, refresh]);
  return (
    <p role="status" className="flex items-center gap-2 text-sm text-fg2" data-testid="auto-refresh">
      <span aria-hidden="true" className="inline-block h-3 w-3 animate-spin rounded-full border-2 border-brand border-t-transparent" />
      {message}
    </p>
  );
}
