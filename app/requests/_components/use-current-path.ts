import { usePathname, useSearchParams } from "next/navigation";

/** This page's path and query, for "sign in again and come back here". */
export function useCurrentPath(): string {
  const pathname = usePathname();
  const query = useSearchParams().toString();
  return query ? `${pathname}?${query}` : pathname;
}
