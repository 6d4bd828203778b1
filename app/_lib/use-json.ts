import { useCallback, useEffect, useEffectEvent, useState } from "react";
import type { z } from "zod/mini";
import { asJsonError, getJson, type JsonError } from "./json-client";

/** Where one load stands. `idle`: nothing to load yet (no URL). */
export type Load<T> = { status: "idle" } | { status: "loading" } | { status: "ready"; data: T } | { status: "failed"; error: JsonError };

const IDLE = { status: "idle" } as const;
const LOADING = { status: "loading" } as const;

/**
 * Loads `url` with getJson whenever it changes, and again on `retry()`. A load that a newer one
 * replaced is aborted and never shown, so a slow answer for an earlier choice cannot overwrite the
 * current one. `onLoad` runs once per answer shown (e.g. to preselect the only choice).
 * `schema` must be stable (a module constant): a new one each render would load again each render.
 */
export function useJson<T>(url: string | null, schema: z.ZodMiniType<T>, onLoad?: (data: T) => void): { load: Load<T>; retry: () => void } {
  const [attempt, setAttempt] = useState(0);
  const key = url === null ? null : `${attempt} ${url}`;
  // How the load of `key` ended; a key without an entry is still loading. Derived rather than set
  // at the start of each load, so the effect below only sets state when an answer arrives.
  const [settled, setSettled] = useState<{ key: string; load: Load<T> } | null>(null);
  const loaded = useEffectEvent((data: T) => onLoad?.(data));

  useEffect(() => {
    if (url === null || key === null) return;
    const controller = new AbortController();
    getJson(url, schema, { signal: controller.signal }).then(
      (data) => {
        if (controller.signal.aborted) return;
        setSettled({ key, load: { status: "ready", data } });
        loaded(data);
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        setSettled({ key, load: { status: "failed", error: asJsonError(err) } });
      },
    );
    return () => controller.abort();
  }, [key, url, schema]);

  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  const load: Load<T> = key === null ? IDLE : settled?.key === key ? settled.load : LOADING;
  return { load, retry };
}
