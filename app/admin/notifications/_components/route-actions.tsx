"use client";

import { useRef, useState, useTransition } from "react";
import Link from "next/link";
import type { ActionError } from "@/app/_lib/action";
import { exactTime } from "@/app/_lib/dates";
import { buttonStyles } from "@/app/_components/ui";
import { dangerButton, DialogClose, DialogShell } from "@/app/provider/_components/dialog";
import { deleteRouteAction, rotateSecretAction, sendTestEventAction, setPausedAction } from "../actions";
import type { RotatedSecret } from "../_lib/types";
import { SECRET_TITLE_ID, SecretPanel } from "./secret-panel";
import { TestEventResult } from "./test-event";

type Subject = { id: string; name: string; channel: string; status: "active" | "paused" | "disabled" };

/** What the last action said: a message, a refusal, or a test event to follow. */
type Outcome =
  | { kind: "message"; text: string }
  | { kind: "error"; text: string; from: string }
  | { kind: "test"; deliveryId: string; sent: number };

/**
 * The route's commands: send a test event (then follow it), pause or resume, rotate a webhook's
 * secret and delete (both confirmed in a dialog), and a link to edit. Buttons keep their place
 * while their action runs, so the keyboard focus stays where it was; results are announced.
 */
export function RouteActions({ route }: { route: Subject }) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // A new secret stays on screen while the admin tries the route (it is gone once they leave the page).
  const [rotation, setRotation] = useState<{ secret: string; previousValidUntil: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const [busy, setBusy] = useState<string | null>(null);
  const [dialog, setDialog] = useState<"rotate" | "delete" | null>(null);
  const rotateButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const rotated = useRef(false);

  const run = <T extends { ok: true }>(what: string, work: () => Promise<T | ActionError>, onDone: (result: T) => Outcome | null) => {
    if (pending) return;
    setBusy(what);
    startTransition(async () => {
      const result = await work();
      setBusy(null);
      setOutcome(result.ok ? onDone(result) : { kind: "error", text: result.message, from: what });
    });
  };

  const paused = route.status !== "active";
  const testSent = useRef(0);

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2" role="group" aria-label="Route actions">
        <button
          type="button"
          className={buttonStyles.primary}
          aria-disabled={pending || undefined}
          onClick={() =>
            run("test", () => sendTestEventAction(route.id), (r) => ({ kind: "test", deliveryId: r.deliveryId, sent: ++testSent.current }))
          }
        >
          {busy === "test" ? "Sending…" : "Send test event"}
        </button>
        <button
          type="button"
          className={buttonStyles.secondary}
          aria-disabled={pending || undefined}
          onClick={() => run("pause", () => setPausedAction(route.id, !paused), (r) => ({ kind: "message", text: r.message }))}
        >
          {busy === "pause" ? (paused ? "Resuming…" : "Pausing…") : paused ? "Resume" : "Pause"}
        </button>
        <Link href={`/admin/notifications/${encodeURIComponent(route.id)}/edit`} className={buttonStyles.secondary}>
          Edit
        </Link>
        {route.channel === "webhook" && (
          <button ref={rotateButton} type="button" aria-haspopup="dialog" className={buttonStyles.secondary} onClick={() => setDialog("rotate")}>
            Rotate secret
          </button>
        )}
        <button ref={deleteButton} type="button" aria-haspopup="dialog" className={buttonStyles.secondary} onClick={() => setDialog("delete")}>
          Delete
        </button>
      </div>

      {route.status === "disabled" && (
        <p className="text-xs text-fg2">Resume enables the route again with a clean slate; check the receiver first with a test event after resuming.</p>
      )}

      {rotation && (
        <SecretPanel title="New signing secret" secret={rotation.secret}>
          <p className="text-sm" data-testid="rotation-ends">
            The old secret keeps signing until <time dateTime={rotation.previousValidUntil}>{exactTime(new Date(rotation.previousValidUntil))}</time>: update
            your receiver before then.
          </p>
        </SecretPanel>
      )}
      <Result outcome={outcome} />

      <DialogShell
        open={dialog === "rotate"}
        onOpenChange={(open) => !open && setDialog(null)}
        // The new secret's panel takes the focus once it shows; the dialog must not take it back.
        returnFocusTo={() => (rotated.current ? document.getElementById(SECRET_TITLE_ID) : rotateButton.current)}
        title="Rotate the signing secret?"
        description={
          <>
            <p>Crosslink makes a new secret for “{route.name}” and shows it once.</p>
            <p>The old secret keeps signing alongside the new one for 24 hours, so your receiver can switch without missing a call.</p>
          </>
        }
      >
        <ConfirmButtons
          label="Rotate secret"
          busyLabel="Rotating…"
          busy={busy === "rotate"}
          style={buttonStyles.primary}
          onConfirm={() =>
            run("rotate", () => rotateSecretAction(route.id), (r: RotatedSecret) => {
              rotated.current = true;
              setDialog(null);
              setRotation({ secret: r.secret, previousValidUntil: r.previousValidUntil });
              return null;
            })
          }
        />
      </DialogShell>

      <DialogShell
        open={dialog === "delete"}
        onOpenChange={(open) => !open && setDialog(null)}
        returnFocusTo={() => deleteButton.current}
        title={`Delete the route “${route.name}”?`}
        description={
          <>
            <p>Nothing more is sent through it, and its delivery log is deleted with it.</p>
            <p className="rounded-fl bg-danger-bg px-3 py-2 text-danger">This cannot be undone. To stop it for a while, pause it instead.</p>
          </>
        }
      >
        <ConfirmButtons
          label="Delete route"
          busyLabel="Deleting…"
          busy={busy === "delete"}
          style={dangerButton}
          onConfirm={() => run("delete", () => deleteRouteAction(route.id), () => ({ kind: "message", text: "Deleted." }))}
        />
        {outcome?.kind === "error" && outcome.from === "delete" && (
          <p role="alert" className="mt-3 text-sm text-danger">
            {outcome.text}
          </p>
        )}
      </DialogShell>
    </div>
  );
}

function ConfirmButtons({ label, busyLabel, busy, style, onConfirm }: { label: string; busyLabel: string; busy: boolean; style: string; onConfirm: () => void }) {
  return (
    <div className="flex justify-end gap-2">
      <DialogClose asChild>
        <button type="button" className={buttonStyles.secondary}>
          Cancel
        </button>
      </DialogClose>
      <button type="button" className={style} aria-disabled={busy || undefined} onClick={() => !busy && onConfirm()}>
        {busy ? busyLabel : label}
      </button>
    </div>
  );
}

function Result({ outcome }: { outcome: Outcome | null }) {
  return (
    <div aria-live="polite" data-testid="route-action-result">
      {outcome?.kind === "message" && (
        <p role="status" className="rounded-fl bg-success-bg px-4 py-2 text-sm text-success">
          {outcome.text}
        </p>
      )}
      {outcome?.kind === "error" && (
        <p role="alert" className="rounded-fl bg-danger-bg px-4 py-2 text-sm text-danger">
          {outcome.text}
        </p>
      )}
      {/* A new key per test event: each starts following its own delivery. */}
      {outcome?.kind === "test" && <TestEventResult key={outcome.sent} deliveryId={outcome.deliveryId} />}
    </div>
  );
}
