"use client";

import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { SignInAgainLink, Spinner } from "../_components/field";
import { asJsonError, getJson } from "@/app/_lib/json-client";
import { requestStatusSchema, requestStatusUrl } from "../_lib/consumer-api";

/**
 * Follows a request while Azure is working on it: polls the status route every second, shows the
 * progress text as it changes, and refreshes the page when the request itself changes (new state,
 * decision applied). While the request only waits for someone (Pending), it checks rarely.
 * Stops when there is nothing left to wait for.
 */
export function LiveStatus({
  requestId,
  version,
  mode,
  progress,
}: {
  requestId: string;
  version: number;
  /** working: an Azure operation runs (poll every second); waiting: a decision may come (poll slowly); idle: nothing. */
  mode: "working" | "waiting" | "idle";
  progress: string | null;
}) {
  const router = useRouter();
  const [live, setLive] = useState<{ version: number; progress: string | null } | null>(null);
  const [problem, setProblem] = useState<{ message: string; reauth: boolean } | null>(null);
  const refreshedFor = useRef(version);

  useEffect(() => {
    if (mode === "idle") return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    const every = mode === "working" ? 1_000 : 15_000;

    const tick = async () => {
      try {
        const body = await getJson(requestStatusUrl(requestId), requestStatusSchema);
        if (stopped) return;
        failures = 0;
        setProblem(null);
        setLive({ version: body.version, progress: body.progress ?? null });
        if (body.version !== version && refreshedFor.current !== body.version) {
          refreshedFor.current = body.version;
          router.refresh();
        }
      } catch (err) {
        if (stopped) return;
        const failure = asJsonError(err);
        if (failure.kind === "sign-in") {
          setProblem({ message: failure.message, reauth: true });
          return; // nothing more to learn without a session
        }
        failures++;
        if (failures >= 3) setProblem({ message: "Crosslink can't be reached right now; still trying.", reauth: false });
      }
      if (!stopped) timer = setTimeout(tick, Math.min(every * 2 ** Math.max(0, failures - 1), 30_000));
    };
    timer = setTimeout(tick, every);
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [mode, requestId, version, router]);

  if (mode !== "working") {
    return problem ? <Problem problem={problem} requestId={requestId} /> : null;
  }
  const text = (live && live.version >= version ? live.progress : null) ?? progress ?? "Working in Azure…";
  return (
    <div className="space-y-2 rounded-fl-lg border border-brand bg-brand-subtle px-4 py-3" data-testid="request-progress">
      <p role="status" aria-live="polite" className="flex items-center gap-2 text-sm text-fg1">
        <Spinner />
        <span data-testid="progress-text">{text}</span>
      </p>
      <p className="text-xs text-fg2">This page follows along by itself; you can also leave it and come back.</p>
      {problem && <Problem problem={problem} requestId={requestId} />}
    </div>
  );
}

function Problem({ problem, requestId }: { problem: { message: string; reauth: boolean }; requestId: string }) {
  return (
    <p role="alert" className="text-sm text-danger">
      {problem.message} {problem.reauth && <SignInAgainLink returnTo={`/requests/${requestId}`} />}
    </p>
  );
}
