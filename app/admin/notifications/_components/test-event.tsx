"use client";

import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { asJsonError, getJson } from "@/app/_lib/json-client";
import { Spinner } from "@/app/requests/_components/field";
import { deliveryStatusSchema, deliveryStatusUrl, type DeliveryStatusAnswer } from "../_lib/delivery-api";
import { isSettledDelivery } from "../_lib/delivery-words";

const POLL_MS = 1_000;
/** The first try happens at once; after this long the log below is the place to watch. */
const GIVE_UP_AFTER = 30;

/**
 * Follows the test event the admin just sent until its first try has an outcome: delivered, or
 * refused (Crosslink then retries on its schedule, which the delivery log shows). The page's data
 * (log, counts, status) is refreshed once the outcome is known.
 */
export function TestEventResult({ deliveryId }: { deliveryId: string }) {
  const router = useRouter();
  const [answer, setAnswer] = useState<DeliveryStatusAnswer | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [stopped, setStopped] = useState(false);

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let polls = 0;
    const tick = async () => {
      polls++;
      try {
        const body = await getJson(deliveryStatusUrl(deliveryId), deliveryStatusSchema);
        if (cancelled) return;
        setAnswer(body);
        setProblem(null);
        if (isSettledDelivery(body.status) || body.attempts > 0) {
          setStopped(true);
          router.refresh();
          return;
        }
      } catch (err) {
        if (cancelled) return;
        const failure = asJsonError(err);
        setProblem(failure.message);
        if (failure.kind === "sign-in" || failure.status === 404) return setStopped(true);
      }
      if (polls >= GIVE_UP_AFTER) return setStopped(true);
      timer = setTimeout(tick, POLL_MS);
    };
    timer = setTimeout(tick, POLL_MS / 2);
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
  }, [deliveryId, router]);

  const words = describe(answer, stopped);
  return (
    <div role="status" className={`rounded-fl px-4 py-3 text-sm ${words.tone}`} data-testid="test-result">
      <p className="flex items-center gap-2 font-semibold">
        {words.busy && <Spinner />}
        <span data-testid="test-result-status">{words.headline}</span>
      </p>
      {words.detail && <p className="mt-1 text-fg1">{words.detail}</p>}
      {problem && <p className="mt-1 text-danger">{problem}</p>}
    </div>
  );
}

function describe(answer: DeliveryStatusAnswer | null, stopped: boolean): { headline: string; detail?: string; tone: string; busy: boolean } {
  const code = answer?.lastStatusCode ? ` (HTTP ${answer.lastStatusCode})` : "";
  if (!answer || (answer.status === "pending" && answer.attempts === 0)) {
    return stopped
      ? { headline: "Test event queued", detail: "It has not been tried yet; the delivery log below shows it once it is.", tone: "bg-surface2 text-fg1", busy: false }
      : { headline: "Test event sent: waiting for the first try…", tone: "bg-brand-subtle text-brand-fg", busy: true };
  }
  if (answer.status === "delivered") return { headline: `Test event delivered${code}`, detail: "The route works.", tone: "bg-success-bg text-success", busy: false };
  if (answer.status === "skipped") return { headline: "Test event not sent", detail: answer.lastError ?? undefined, tone: "bg-surface2 text-fg1", busy: false };
  if (answer.status === "dead") {
    return { headline: `Test event failed${code}`, detail: answer.lastError ?? "The receiver refused it.", tone: "bg-danger-bg text-danger", busy: false };
  }
  return {
    headline: `Test event not accepted yet${code}`,
    detail: `${answer.lastError ?? "The receiver did not accept it."} Crosslink tries again on the delivery schedule; the delivery log below shows each try.`,
    tone: "bg-warning-bg text-warning",
    busy: false,
  };
}
