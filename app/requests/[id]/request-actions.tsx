"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import * as Dialog from "@radix-ui/react-dialog";
import { buttonStyles } from "@/app/_components/ui";
import { requestCommandAction, type FormResult } from "../actions";
import { SignInAgainLink, Spinner } from "../_components/field";

type Command = "retry" | "discard" | "withdraw";

const dangerButton =
  "inline-flex items-center justify-center gap-2 rounded-fl px-3 min-h-8 text-sm font-semibold bg-danger text-on-brand hover:opacity-90 disabled:opacity-50 disabled:cursor-not-allowed";

/**
 * The consumer's buttons for one request, only those the state machine allows (the server
 * checks again). Withdraw and discard ask first; withdraw says plainly that the endpoint is deleted.
 */
export function RequestActions({
  requestId,
  actions,
  endpointName,
  hasEndpoint,
  targetName,
}: {
  requestId: string;
  actions: string[];
  endpointName: string | null;
  hasEndpoint: boolean;
  targetName: string;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [running, setRunning] = useState<Command | null>(null);
  const [result, setResult] = useState<FormResult>(null);
  const [dialog, setDialog] = useState<Command | null>(null);

  const run = (command: Command) => {
    setRunning(command);
    setResult(null);
    startTransition(async () => {
      const answer = await requestCommandAction(requestId, command);
      setResult(answer);
      setRunning(null);
      if (answer?.ok) {
        setDialog(null);
        router.refresh();
      }
    });
  };

  const can = (c: Command) => actions.includes(c);
  if (!can("retry") && !can("discard") && !can("withdraw")) return null;

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        {can("retry") && (
          <button type="button" className={buttonStyles.primary} disabled={pending} onClick={() => run("retry")}>
            {running === "retry" ? <Spinner inherit label="Retrying…" /> : "Retry"}
          </button>
        )}
        {can("discard") && (
          <ConfirmDialog
            open={dialog === "discard"}
            onOpenChange={(open) => setDialog(open ? "discard" : null)}
            trigger="Discard"
            title="Discard this request?"
            confirm="Discard request"
            busy={running === "discard"}
            onConfirm={() => run("discard")}
            error={dialog === "discard" && result && !result.ok ? result : null}
            requestId={requestId}
          >
            The request has no private endpoint in Azure, so nothing is deleted. It stays in your list as Withdrawn; to connect later, file a new request.
          </ConfirmDialog>
        )}
        {can("withdraw") && (
          <ConfirmDialog
            open={dialog === "withdraw"}
            onOpenChange={(open) => setDialog(open ? "withdraw" : null)}
            trigger="Withdraw"
            title="Withdraw this request?"
            confirm="Withdraw and delete the endpoint"
            busy={running === "withdraw"}
            onConfirm={() => run("withdraw")}
            error={dialog === "withdraw" && result && !result.ok ? result : null}
            requestId={requestId}
          >
            {hasEndpoint ? (
              <>
                Crosslink deletes the private endpoint <span className="font-mono font-semibold">{endpointName}</span> in your Azure subscription. The connection
                to {targetName} ends for good, and anything using it loses access. To connect again you file a new request.
              </>
            ) : (
              <>The request ends. To connect again you file a new request.</>
            )}
          </ConfirmDialog>
        )}
      </div>
      {result && !dialog && (
        <p role={result.ok ? "status" : "alert"} className={`text-sm ${result.ok ? "text-success" : "text-danger"}`} data-testid="action-result">
          {result.message}{" "}
          {!result.ok && result.status === 401 && <SignInAgainLink returnTo={`/requests/${requestId}`} claims={result.stepUpClaims} />}
        </p>
      )}
    </div>
  );
}

function ConfirmDialog({
  open,
  onOpenChange,
  trigger,
  title,
  confirm,
  busy,
  onConfirm,
  error,
  requestId,
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  trigger: string;
  title: string;
  confirm: string;
  busy: boolean;
  onConfirm: () => void;
  error: Extract<FormResult, { ok: false }> | null;
  requestId: string;
  children: React.ReactNode;
}) {
  return (
    <Dialog.Root open={open} onOpenChange={(next) => !busy && onOpenChange(next)}>
      <Dialog.Trigger className={buttonStyles.secondary}>{trigger}</Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-50 w-[min(32rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 space-y-4 rounded-fl-lg border border-stroke2 bg-surface p-6 text-fg1 shadow-xl">
          <Dialog.Title className="text-lg font-semibold">{title}</Dialog.Title>
          <Dialog.Description className="text-sm text-fg2">{children}</Dialog.Description>
          {error && (
            <p role="alert" className="rounded-fl bg-danger-bg px-3 py-2 text-sm text-danger">
              {error.message} {error.status === 401 && <SignInAgainLink returnTo={`/requests/${requestId}`} claims={error.stepUpClaims} />}
            </p>
          )}
          <div className="flex justify-end gap-2">
            <Dialog.Close className={buttonStyles.secondary} disabled={busy}>
              Cancel
            </Dialog.Close>
            <button type="button" className={dangerButton} onClick={onConfirm} disabled={busy}>
              {busy ? <Spinner inherit label="Working…" /> : confirm}
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
