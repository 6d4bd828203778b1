"use client";

import { useActionState, useId, useState, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { buttonStyles } from "@/app/_components/ui";
import { decideAction } from "../actions";
import type { FormResult } from "../_lib/types";
import type { ProviderDecision } from "../_lib/format";
import { dangerButton, DialogClose, DialogShell, NoteField } from "./dialog";

/** What a decision is about, as the page showed it (version = the one the provider saw). */
export type DecisionSubject = {
  requestId: string;
  version: number;
  state: string;
  targetName: string;
  consumerTenantName: string;
  requesterName: string | null;
};

type Copy = {
  button: string;
  noun: string;
  title: string;
  description: (s: DecisionSubject) => ReactNode;
  noteLabel: string;
  noteHint: string;
  required: boolean;
  submit: string;
  submitting: string;
  triggerStyle: string;
  submitStyle: string;
};

const COPY: Record<ProviderDecision, Copy> = {
  approve: {
    button: "Approve",
    noun: "Approval",
    title: "Approve this connection?",
    description: (s) => (
      <p>
        {s.consumerTenantName}&apos;s private endpoint to <strong>{s.targetName}</strong> starts carrying traffic as soon as Azure has applied the approval.
      </p>
    ),
    noteLabel: "Note to the consumer",
    noteHint: "Azure stores it with the connection; the consumer sees it.",
    required: false,
    submit: "Approve",
    submitting: "Approving…",
    triggerStyle: buttonStyles.primary,
    submitStyle: buttonStyles.primary,
  },
  reject: {
    button: "Reject",
    noun: "Rejection",
    title: "Reject this request?",
    description: (s) => (
      <>
        <p>
          {s.consumerTenantName}&apos;s request for <strong>{s.targetName}</strong> will be rejected in Azure.
        </p>
        <p className="rounded-fl bg-danger-bg px-3 py-2 text-danger" data-testid="reject-final-warning">
          This is final: a rejected connection cannot be approved again. The consumer would have to create a new private endpoint and file a new request.
        </p>
      </>
    ),
    noteLabel: "Reason",
    noteHint: "Tell the consumer why; Azure stores it with the connection.",
    required: true,
    submit: "Reject request",
    submitting: "Rejecting…",
    triggerStyle: buttonStyles.secondary,
    submitStyle: dangerButton,
  },
  disconnect: {
    button: "Disconnect",
    noun: "Disconnection",
    title: "Disconnect this connection?",
    description: (s) => (
      <>
        <p>
          Crosslink removes the connection from <strong>{s.targetName}</strong> in Azure.
        </p>
        <p className="rounded-fl bg-danger-bg px-3 py-2 text-danger" data-testid="disconnect-warning">
          {s.state === "Approved"
            ? `${s.consumerTenantName}'s private endpoint stops carrying traffic at once.`
            : `${s.consumerTenantName}'s private endpoint will show the connection as Disconnected and can never carry traffic.`}{" "}
          This cannot be undone: to connect again, the consumer must file a new request.
        </p>
      </>
    ),
    noteLabel: "Reason",
    noteHint: "Kept in the request's history.",
    required: false,
    submit: "Disconnect",
    submitting: "Disconnecting…",
    triggerStyle: buttonStyles.secondary,
    submitStyle: dangerButton,
  },
};

/** Which decision's dialog is open, about what (as the page showed it when it was opened). */
export type DecisionTarget = { decision: ProviderDecision; subject: DecisionSubject; key: number };

const whoOf = (s: DecisionSubject) => (s.requesterName ? `${s.requesterName}, ${s.consumerTenantName}` : s.consumerTenantName);

/** A button that opens the decision dialog; it only says what it does. */
export function DecisionTrigger({
  decision,
  subject,
  compact = false,
  onOpen,
}: {
  decision: ProviderDecision;
  subject: DecisionSubject;
  compact?: boolean;
  onOpen: (decision: ProviderDecision, subject: DecisionSubject) => void;
}) {
  const copy = COPY[decision];
  return (
    <button
      type="button"
      aria-haspopup="dialog"
      className={`${copy.triggerStyle} ${compact ? "min-h-7 px-2 text-xs" : ""}`}
      aria-label={`${copy.button}: ${subject.targetName} for ${whoOf(subject)}`}
      onClick={() => onOpen(decision, subject)}
    >
      {copy.button}
    </button>
  );
}

/**
 * The confirmation dialog of a decision. It lives in a component that stays mounted while the
 * page refreshes (polling, someone else's decision), so an open dialog and its answer survive
 * even when the row or button that opened it is gone. It posts the version the page showed when
 * it was opened: if someone else decided meanwhile the server refuses and the dialog says who
 * decided and how; closing it then reloads the page's data.
 */
export function DecisionDialog({
  target,
  onClose,
  onDecided,
}: {
  target: DecisionTarget | null;
  onClose: () => void;
  /** Told when the decision was recorded, with a sentence for a status message. */
  onDecided?: (message: string) => void;
}) {
  const router = useRouter();
  // The dialog (by key) whose decision the server refused: its page data is stale.
  const [staleKey, setStaleKey] = useState<number | null>(null);
  // Keep the last target while the dialog closes.
  const [last, setLast] = useState(target);
  if (target && target !== last) setLast(target);
  const shown = target ?? last;
  if (!shown) return null;
  const copy = COPY[shown.decision];
  const close = () => {
    if (staleKey === shown.key) router.refresh();
    onClose();
  };
  return (
    <DialogShell open={target !== null} onOpenChange={(open) => !open && close()} title={copy.title} description={copy.description(shown.subject)}>
      <DecisionForm
        key={shown.key}
        decision={shown.decision}
        subject={shown.subject}
        version={shown.subject.version}
        copy={copy}
        onDone={(message) => {
          onClose();
          onDecided?.(`${copy.noun} of ${shown.subject.targetName} for ${whoOf(shown.subject)}: ${message}`);
        }}
        onRefused={() => setStaleKey(shown.key)}
      />
    </DialogShell>
  );
}

/** The decision buttons of one request and their dialog (the request page uses it). */
export function DecisionBar({ decisions, subject }: { decisions: ProviderDecision[]; subject: DecisionSubject }) {
  const [target, setTarget] = useState<DecisionTarget | null>(null);
  const [count, setCount] = useState(0);
  const open = (decision: ProviderDecision, s: DecisionSubject) => {
    setCount(count + 1);
    setTarget({ decision, subject: s, key: count + 1 });
  };
  return (
    <>
      {decisions.length > 0 && (
        <div className="flex flex-wrap gap-2" role="group" aria-label="Decisions">
          {decisions.map((d) => (
            <DecisionTrigger key={d} decision={d} subject={subject} onOpen={open} />
          ))}
        </div>
      )}
      <DecisionDialog target={target} onClose={() => setTarget(null)} />
    </>
  );
}

function DecisionForm({
  decision,
  subject,
  version,
  copy,
  onDone,
  onRefused,
}: {
  decision: ProviderDecision;
  subject: DecisionSubject;
  version: number;
  copy: Copy;
  onDone: (message: string) => void;
  onRefused: () => void;
}) {
  const id = useId();
  const [note, setNote] = useState("");
  const [state, formAction, pending] = useActionState(async (prev: FormResult, formData: FormData) => {
    const result = await decideAction(prev, formData);
    if (result?.ok) onDone(result.message);
    else if (result && (result.status === 409 || result.status === 404)) onRefused();
    return result;
  }, null);
  const failed = state && !state.ok ? state : null;
  const noteError = failed?.fieldErrors?.note;
  const message = failed && !noteError ? failed.message : null;
  // Refused for good (someone else decided, or it is gone): no retry from this dialog.
  const refused = failed && (failed.status === 409 || failed.status === 404);

  return (
    <form action={formAction} noValidate className="space-y-4">
      <input type="hidden" name="requestId" value={subject.requestId} />
      <input type="hidden" name="decision" value={decision} />
      <input type="hidden" name="expectedVersion" value={version} />
      <NoteField id={`${id}-note`} label={copy.noteLabel} hint={copy.noteHint} required={copy.required} error={noteError} value={note} onChange={setNote} />
      {message && (
        <p role="alert" className="rounded-fl bg-danger-bg px-3 py-2 text-sm text-danger" data-testid="decision-error">
          {message}
        </p>
      )}
      <div className="flex justify-end gap-2">
        <DialogClose asChild>
          <button type="button" className={buttonStyles.secondary}>
            {refused ? "Close" : "Cancel"}
          </button>
        </DialogClose>
        {!refused && (
          <button type="submit" className={copy.submitStyle} disabled={pending}>
            {pending ? copy.submitting : copy.submit}
          </button>
        )}
      </div>
    </form>
  );
}
