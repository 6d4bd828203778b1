"use client";

import { useActionState, useCallback, useId, useRef, useState, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { ACTION_WORDS, possessive, type Decision } from "@/lib/domain/request-words";
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
  title: string;
  description: (s: DecisionSubject) => ReactNode;
  noteLabel: string;
  noteHint: string;
  required: boolean;
  submit: string;
  triggerStyle: string;
  submitStyle: string;
};

/** On a Pending request, what sets this decision apart from the other two, from the shared vocabulary. */
const pendingMeaning = (decision: Decision, s: DecisionSubject) => (s.state === "Pending" ? <p data-testid="decision-meaning">{ACTION_WORDS[decision].meaning}</p> : null);

const COPY: Record<ProviderDecision, Copy> = {
  approve: {
    title: "Approve this connection?",
    description: (s) => (
      <p>
        {possessive(s.consumerTenantName)} private endpoint to <strong>{s.targetName}</strong> starts carrying traffic as soon as Azure has applied the approval.
      </p>
    ),
    noteLabel: "Note to the consumer",
    noteHint: "Azure stores it with the connection; the consumer sees it.",
    required: false,
    submit: "Approve",
    triggerStyle: buttonStyles.primary,
    submitStyle: buttonStyles.primary,
  },
  reject: {
    title: "Reject this request?",
    description: (s) => (
      <>
        <p>
          {possessive(s.consumerTenantName)} request for <strong>{s.targetName}</strong> will be rejected in Azure.
        </p>
        {pendingMeaning("reject", s)}
        <p className="rounded-fl bg-danger-bg px-3 py-2 text-danger" data-testid="reject-final-warning">
          This is final: a rejected connection cannot be approved again. The consumer would have to create a new private endpoint and file a new request.
        </p>
      </>
    ),
    noteLabel: "Reason",
    noteHint: "Tell the consumer why; Azure stores it with the connection.",
    required: true,
    submit: "Reject request",
    triggerStyle: buttonStyles.secondary,
    submitStyle: dangerButton,
  },
  disconnect: {
    title: "Disconnect this connection?",
    description: (s) => (
      <>
        <p>
          Crosslink removes the connection from <strong>{s.targetName}</strong> in Azure.
        </p>
        {pendingMeaning("disconnect", s)}
        <p className="rounded-fl bg-danger-bg px-3 py-2 text-danger" data-testid="disconnect-warning">
          {s.state === "Approved"
            ? `${possessive(s.consumerTenantName)} private endpoint stops carrying traffic at once.`
            : `${possessive(s.consumerTenantName)} private endpoint will show the connection as Disconnected and can never carry traffic.`}{" "}
          This cannot be undone: to connect again, the consumer must file a new request.
        </p>
      </>
    ),
    noteLabel: "Reason",
    noteHint: "Kept in the request's history.",
    required: false,
    submit: "Disconnect",
    triggerStyle: buttonStyles.secondary,
    submitStyle: dangerButton,
  },
};

const submitting = (decision: ProviderDecision) => `${ACTION_WORDS[decision].doing.replace(/^./, (c) => c.toUpperCase())}…`;

/** Which decision's dialog is open, about what (as the page showed it when it was opened). */
export type DecisionTarget = { decision: ProviderDecision; subject: DecisionSubject; key: number };

export type OpenDecision = (decision: ProviderDecision, subject: DecisionSubject, opener: HTMLElement) => void;

export const whoOf = (s: DecisionSubject) => (s.requesterName ? `${s.requesterName}, ${s.consumerTenantName}` : s.consumerTenantName);

/**
 * The state of one decision dialog shared by many buttons: which decision is open, and the button
 * that opened it, where focus goes back when the dialog closes.
 */
export function useDecisionDialog() {
  const [target, setTarget] = useState<DecisionTarget | null>(null);
  const opened = useRef(0);
  const opener = useRef<HTMLElement | null>(null);
  const open: OpenDecision = useCallback((decision, subject, from) => {
    opener.current = from;
    opened.current += 1;
    setTarget({ decision, subject, key: opened.current });
  }, []);
  const close = useCallback(() => setTarget(null), []);
  const returnFocus = useCallback(() => opener.current, []);
  return { target, open, close, returnFocus };
}

/** A button that opens the decision dialog; it only says what it does. */
export function DecisionTrigger({
  decision,
  subject,
  compact = false,
  describedBy,
  onOpen,
}: {
  decision: ProviderDecision;
  subject: DecisionSubject;
  compact?: boolean;
  /** The id of a hint that tells this decision from the others. */
  describedBy?: string;
  onOpen: OpenDecision;
}) {
  const copy = COPY[decision];
  const verb = ACTION_WORDS[decision].verb;
  return (
    <button
      type="button"
      aria-haspopup="dialog"
      className={`${copy.triggerStyle} ${compact ? "min-h-7 px-2 text-xs" : ""}`}
      aria-label={`${verb}: ${subject.targetName} for ${whoOf(subject)}`}
      aria-describedby={describedBy}
      onClick={(event) => onOpen(decision, subject, event.currentTarget)}
    >
      {verb}
    </button>
  );
}

/**
 * The confirmation dialog of a decision. It lives in a component that stays mounted while the
 * page refreshes (polling, someone else's decision), so an open dialog and its answer survive
 * even when the row or button that opened it is gone. It posts the version the page showed when
 * it was opened: if someone else decided meanwhile the server refuses and the dialog says who
 * decided and how; closing it then reloads the page's data. Closing returns focus to
 * `returnFocusTo` (the button that opened it).
 */
export function DecisionDialog({
  target,
  onClose,
  onDecided,
  returnFocusTo,
}: {
  target: DecisionTarget | null;
  onClose: () => void;
  /** Told when the decision was recorded, with the server's answer. */
  onDecided?: (target: DecisionTarget, answer: string) => void;
  returnFocusTo: () => HTMLElement | null;
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
    <DialogShell
      open={target !== null}
      onOpenChange={(open) => !open && close()}
      returnFocusTo={returnFocusTo}
      title={copy.title}
      description={copy.description(shown.subject)}
    >
      <DecisionForm
        key={shown.key}
        decision={shown.decision}
        subject={shown.subject}
        version={shown.subject.version}
        copy={copy}
        onDone={(answer) => {
          onClose();
          onDecided?.(shown, answer);
        }}
        onRefused={() => setStaleKey(shown.key)}
      />
    </DialogShell>
  );
}

/** The decision buttons of one request and their dialog (the request page uses it). */
export function DecisionBar({ decisions, subject }: { decisions: ProviderDecision[]; subject: DecisionSubject }) {
  const dialog = useDecisionDialog();
  const hintId = useId();
  // A Pending request offers both Reject and Disconnect: say how they differ before either is chosen.
  const both = decisions.includes("reject") && decisions.includes("disconnect");
  return (
    <>
      {decisions.length > 0 && (
        <div className="max-w-md space-y-2">
          <div className="flex flex-wrap gap-2" role="group" aria-label="Decisions">
            {decisions.map((d) => (
              <DecisionTrigger key={d} decision={d} subject={subject} describedBy={both && d !== "approve" ? hintId : undefined} onOpen={dialog.open} />
            ))}
          </div>
          {both && (
            <dl id={hintId} className="grid grid-cols-[max-content_1fr] gap-x-2 gap-y-1 text-xs text-fg2" data-testid="reject-or-disconnect">
              {(["reject", "disconnect"] as const).map((d) => (
                <div key={d} className="contents">
                  <dt className="font-semibold text-fg1">{ACTION_WORDS[d].verb}</dt>
                  <dd>{ACTION_WORDS[d].meaning}</dd>
                </div>
              ))}
            </dl>
          )}
        </div>
      )}
      <DecisionDialog target={dialog.target} onClose={dialog.close} returnFocusTo={dialog.returnFocus} />
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
            {pending ? submitting(decision) : copy.submit}
          </button>
        )}
      </div>
    </form>
  );
}
