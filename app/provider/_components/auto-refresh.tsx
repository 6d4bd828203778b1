"use client";

import { useEffect, useRef, useTransition } from "react";
import { useRouter } from "next/navigation";

/**
 * Re-renders the page from the server every `intervalMs` while it is mounted: the page renders it
 * only while something shown is still being applied in Azure, so polling stops by itself once the
 * states have settled. Skips a beat while the previous refresh is still running or the tab is hidden.
 */
export function AutoRefresh({ intervalMs = 1000, message }: { intervalMs?: number; message: string }) {
  const router = useRouter();
  const [refreshing, startTransition] = useTransition();
  const busy = useRef(false);
  useEffect(() => {
    busy.current = refreshing;
  }, [refreshing]);
  useEffect(() => {
    const timer = setInterval(() => {
      if (busy.current || document.visibilityState === "hidden") return;
      startTransition(() => router.refresh());
    }, intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs, router]);
  return (
    <p role="status" className="flex items-center gap-2 text-sm text-fg2" data-testid="auto-refresh">
      <span aria-hidden="true" className="inline-block h-3 w-3 animate-spin rounded-full border-2 border-brand border-t-transparent" />
      {message}
    </p>
  );
}
