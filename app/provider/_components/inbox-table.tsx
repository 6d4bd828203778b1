"use client";

import { useActionState, useEffect, useId, useRef, useState, type MouseEvent, type ReactNode, type Ref } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { ACTION_WORDS } from "@/lib/domain/request-words";
import { StateBadge } from "@/app/_components/state-badge";
import { ScrollArea } from "@/app/_components/scroll-area";
import { buttonStyles, inlineLinkStyles } from "@/app/_components/ui";
import { bulkDecideAction } from "../actions";
import type { BulkItemResult, BulkResult } from "../_lib/types";
import type { ProviderDecision } from "../_lib/format";
import type { InboxRowView } from "../_lib/inbox-data";
import { decisionProgress, type Progress, type RequestNow } from "../_lib/decision-progress";
import { DecisionDialog, DecisionTrigger, useDecisionDialog, whoOf, type DecisionSubject, type DecisionTarget, type OpenDecision } from "./decision-button";
import { dangerButton, DialogClose, DialogShell, NoteField } from "./dialog";

/** A bulk result, labelled, with the version its request had when the provider decided. */
type Labelled = BulkItemResult & { label: string; decidedOn: number };
type BulkOutcome = { decision: "approve" | "reject"; items: Labelled[] };
/** A decision recorded from this table, followed in its rows until Azure has applied it. */
type Notice = { target: DecisionTarget; answer: string };

/** In the table a Pending request offers approve/reject (disconnecting it is on its own page). */
const inlineDecisions = (r: InboxRowView): ProviderDecision[] =>
  r.state === "Pending" && r.decisions.includes("approve") ? r.decisions.filter((d) => d !== "disconnect") : r.decisions;

const labelOf = (r: InboxRowView) => `${r.targetName} for ${r.requesterName ?? "unknown requester"} (${r.consumerTenantName})`;

/** A row as a decision's progress reads it (see decisionProgress). */
const nowOf = (r: InboxRowView | undefined): RequestNow | undefined => r && { state: r.state, version: r.version, pending: r.pendingLabel !== null, lastError: r.lastError };

const PROGRESS_TONES: Record<Progress["phase"], string> = {
  applying: "bg-brand-subtle text-brand-fg",
  applied: "bg-success-bg text-success",
  refused: "bg-danger-bg text-danger",
  changed: "bg-surface3 text-fg1",
  gone: "bg-surface3 text-fg1",
};

/**
 * The inbox table with per-row decisions and bulk approve/reject of the selected Pending
 * requests. Selection lives here (`onSelectionChange` tells how many are selected); the rows come
 * from InboxList, which loads them.
 */
export function InboxTable({
  rows,
  caption,
  empty,
  onSelectionChange,
}: {
  rows: InboxRowView[];
  caption: string;
  empty: ReactNode;
  onSelectionChange?: (count: number) => void;
}) {
  const selectable = rows.filter((r) => r.decisions.includes("approve") && r.decisions.includes("reject"));
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [outcome, setOutcome] = useState<BulkOutcome | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  // One decision dialog for the whole table: it outlives the row that opened it.
  const dialog = useDecisionDialog();
  // After a decision, focus goes to its notice (the button that opened it is about to go);
  // after Cancel or Escape, back to that button.
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const focusNotice = useRef(false);
  const returnFocus = () => {
    const toNotice = focusNotice.current;
    focusNotice.current = false;
    return toNotice ? noticeRef.current : dialog.returnFocus();
  };
  const byId = new Map(rows.map((r) => [r.id, r]));
  const resultsRef = useRef<HTMLHeadingElement>(null);
  // Rows that left the page or got decided meanwhile drop out of the selection.
  const chosen = selectable.filter((r) => selected.has(r.id));
  const allChosen = selectable.length > 0 && chosen.length === selectable.length;
  const selectAll = useRef<HTMLInputElement>(null);
  const router = useRouter();
  // The rows' links are plain <a> (see InboxTableRow). A plain left click on one is followed in
  // the app, as next/link would, so the page does not reload; other clicks are the browser's.
  const followInApp = (e: MouseEvent) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const href = (e.target as Element).closest("a")?.getAttribute("href");
    if (!href?.startsWith("/")) return;
    e.preventDefault();
    router.push(href);
  };
  useEffect(() => {
    if (selectAll.current) selectAll.current.indeterminate = chosen.length > 0 && !allChosen;
  }, [chosen.length, allChosen]);
  useEffect(() => onSelectionChange?.(chosen.length), [chosen.length, onSelectionChange]);

  const showOutcome = (o: BulkOutcome) => {
    setOutcome(o);
    setSelected(new Set());
  };
  const toggle = (id: string, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <div className="space-y-3">
      {selectable.length > 0 && (
        <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Bulk decisions">
          <span className="text-sm text-fg2" data-testid="selected-count" aria-live="polite">
            {chosen.length === 0 ? "Select Pending requests to decide several at once." : `${chosen.length} selected`}
          </span>
          <BulkButton decision="approve" chosen={chosen} onDone={showOutcome} afterDone={() => resultsRef.current} />
          <BulkButton decision="reject" chosen={chosen} onDone={showOutcome} afterDone={() => resultsRef.current} />
        </div>
      )}
      <DecisionDialog
        target={dialog.target}
        onClose={dialog.close}
        returnFocusTo={returnFocus}
        onDecided={(target, answer) => {
          focusNotice.current = true;
          setNotice({ target, answer });
        }}
      />
      {/* The results stay when the decided rows leave the page (even when it becomes empty). */}
      {outcome && <BulkResults outcome={outcome} rows={byId} headingRef={resultsRef} onDismiss={() => setOutcome(null)} />}
      <div role="status" aria-live="polite">
        {notice && <DecisionNotice notice={notice} now={nowOf(byId.get(notice.target.subject.requestId))} noticeRef={noticeRef} onDismiss={() => setNotice(null)} />}
      </div>

      {rows.length === 0 ? (
        empty
      ) : (
        // On a phone the table scrolls sideways under its actions column, which stays in view.
        <div onClick={followInApp}>
          <ScrollArea label={caption} stickyEnd>
            <table className="inbox-table w-full min-w-[60rem] text-left text-sm" data-testid="inbox-table">
              <caption className="sr-only">{caption}</caption>
              <thead className="whitespace-nowrap text-xs text-fg3">
                <tr className="border-b border-stroke2">
                  <th scope="col" className="w-8 py-2 pr-2">
                    {selectable.length > 0 ? (
                      <input
                        ref={selectAll}
                        type="checkbox"
                        className="h-4 w-4 accent-[var(--fl-brand)]"
                        aria-label="Select all Pending requests on this page"
                        checked={allChosen}
                        onChange={(e) => setSelected(e.target.checked ? new Set(selectable.map((r) => r.id)) : new Set())}
                      />
                    ) : (
                      <span className="sr-only">Selection</span>
                    )}
                  </th>
                  <th scope="col" className="py-2 pr-3 font-semibold">Consumer tenant</th>
                  <th scope="col" className="py-2 pr-3 font-semibold">Requested by</th>
                  <th scope="col" className="py-2 pr-3 font-semibold">Message</th>
                  <th scope="col" className="py-2 pr-3 font-semibold">Target</th>
                  <th scope="col" className="py-2 pr-3 font-semibold">Group ID</th>
                  <th scope="col" className="py-2 pr-3 font-semibold">Age</th>
                  <th scope="col" className="py-2 pr-3 font-semibold">State</th>
                  <th scope="col" className="sticky-end py-2 font-semibold">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <InboxTableRow
                    key={r.id}
                    row={r}
                    selectable={selectable.includes(r)}
                    selected={selected.has(r.id)}
                    onToggle={toggle}
                    onDecide={dialog.open}
                  />
                ))}
              </tbody>
            </table>
          </ScrollArea>
        </div>
      )}
    </div>
  );
}

/**
 * One request. The markup is deliberately lean, as a page holds up to 100 rows: the cells are
 * styled by the `.inbox-table` rules in globals.css rather than classes on each cell, and the
 * target is a plain link (the table follows it in the app, see followInApp) rather than one
 * next/link per row, which would prefetch every request page in view from the server.
 */
function InboxTableRow({
  row: r,
  selectable,
  selected,
  onToggle,
  onDecide,
}: {
  row: InboxRowView;
  selectable: boolean;
  selected: boolean;
  onToggle: (id: string, on: boolean) => void;
  onDecide: OpenDecision;
}) {
  return (
    <tr data-request-id={r.id}>
      <td>{selectable && <input type="checkbox" aria-label={`Select ${labelOf(r)}`} checked={selected} onChange={(e) => onToggle(r.id, e.target.checked)} />}</td>
      <td>
        <div className="font-semibold text-fg1">{r.consumerTenantName}</div>
        <div className="tenant-id">
          <span className="sr-only">Tenant ID </span>
          {r.consumerTenantId}
        </div>
      </td>
      <td>
        {r.requesterName ?? <span className="text-fg3">Unknown</span>}
        {r.requesterEmail && <div className="sub">{r.requesterEmail}</div>}
      </td>
      <td>{r.requestMessage || <span className="text-fg3">No message</span>}</td>
      <td>
        <a href={`/provider/requests/${r.id}`} title={r.targetResourceId}>
          {r.targetName}
        </a>
        <div className="sub">{r.targetTypeLabel}</div>
      </td>
      <td>{r.groupId || "—"}</td>
      <td>
        <time dateTime={r.createdAtIso} title={r.exactTime}>
          {r.age}
        </time>
      </td>
      <td>
        {r.pendingLabel ? (
          <span className="inline-flex items-center gap-1.5 whitespace-nowrap rounded-full bg-brand-subtle px-2 py-0.5 text-xs font-semibold text-brand-fg" data-testid="pending-action">
            <span aria-hidden="true" className="inline-block h-2.5 w-2.5 animate-spin rounded-full border-2 border-current border-t-transparent" />
            {r.pendingLabel}
          </span>
        ) : (
          <StateBadge state={r.state} />
        )}
        {r.lastError && (
          <p className="mt-1 max-w-[14rem] text-xs text-danger" data-testid="inbox-last-error">
            <span className="font-semibold">Last change failed in Azure:</span> {r.lastError}
          </p>
        )}
      </td>
      <td>
        {inlineDecisions(r).map((d) => (
          <DecisionTrigger key={d} decision={d} compact onOpen={onDecide} subject={subjectOf(r)} />
        ))}
      </td>
    </tr>
  );
}

const subjectOf = (r: InboxRowView): DecisionSubject => ({
  requestId: r.id,
  version: r.version,
  state: r.state,
  targetName: r.targetName,
  consumerTenantName: r.consumerTenantName,
  requesterName: r.requesterName,
});

/** What became of a decision taken from this table: the server's answer, then what the row shows. */
function DecisionNotice({ notice, now, noticeRef, onDismiss }: { notice: Notice; now: RequestNow | undefined; noticeRef: Ref<HTMLParagraphElement>; onDismiss: () => void }) {
  const { decision, subject } = notice.target;
  const progress = decisionProgress(decision, notice.answer, subject.version, now);
  return (
    <p
      ref={noticeRef}
      tabIndex={-1}
      className={`flex flex-wrap items-center justify-between gap-x-4 gap-y-1 rounded-fl px-3 py-2 text-sm ${PROGRESS_TONES[progress.phase]}`}
      data-testid="decision-notice"
      data-phase={progress.phase}
    >
      <span>
        {ACTION_WORDS[decision].noun} of <RequestLink id={subject.requestId}>{subject.targetName}</RequestLink> for {whoOf(subject)}: {progress.text}
      </span>
      <button type="button" onClick={onDismiss} className="font-semibold underline">
        Dismiss
      </button>
    </p>
  );
}

/** A link to a request's page from a notice or a result: how to follow it once it leaves the list. */
function RequestLink({ id, className = "", children }: { id: string; className?: string; children: ReactNode }) {
  return (
    <Link href={`/provider/requests/${encodeURIComponent(id)}`} className={`${inlineLinkStyles} ${className}`}>
      {children}
    </Link>
  );
}

function BulkButton({
  decision,
  chosen,
  onDone,
  afterDone,
}: {
  decision: "approve" | "reject";
  chosen: InboxRowView[];
  onDone: (o: BulkOutcome) => void;
  /** Where focus goes once the decisions are recorded (the selection, and so this button, is then empty). */
  afterDone: () => HTMLElement | null;
}) {
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(0);
  const done = useRef(false);
  const count = chosen.length;
  const noun = `${count} request${count === 1 ? "" : "s"}`;
  const words = ACTION_WORDS[decision];
  return (
    <DialogShell
      open={open}
      onOpenChange={(next) => {
        if (next) {
          done.current = false;
          setOpened((n) => n + 1);
        }
        setOpen(next);
      }}
      // Cancel and Escape: Radix returns focus to this dialog's trigger.
      returnFocusTo={() => (done.current ? afterDone() : null)}
      title={`${words.verb} ${noun}?`}
      description={
        decision === "approve" ? (
          <p>Each consumer&apos;s private endpoint starts carrying traffic once Azure has applied the approval. Every request gets its own result.</p>
        ) : (
          <p className="rounded-fl bg-danger-bg px-3 py-2 text-danger">
            This is final: rejected connections cannot be approved again. The consumers would have to create new private endpoints and file new requests.
          </p>
        )
      }
      trigger={
        <button type="button" className={decision === "approve" ? buttonStyles.primary : buttonStyles.secondary} disabled={count === 0}>
          {words.verb} selected
        </button>
      }
    >
      <BulkForm
        key={opened}
        decision={decision}
        chosen={chosen}
        onDone={(o) => {
          done.current = true;
          setOpen(false);
          onDone(o);
        }}
      />
    </DialogShell>
  );
}

function BulkForm({ decision, chosen, onDone }: { decision: "approve" | "reject"; chosen: InboxRowView[]; onDone: (o: BulkOutcome) => void }) {
  const id = useId();
  const [note, setNote] = useState("");
  // The rows as they were when the dialog opened: the results are labelled with them.
  const [subjects] = useState(chosen);
  const words = ACTION_WORDS[decision];
  const [state, formAction, pending] = useActionState(async (prev: BulkResult, formData: FormData) => {
    const result = await bulkDecideAction(prev, formData);
    if (result?.ok) {
      const shown = new Map(subjects.map((r) => [r.id, r]));
      onDone({
        decision: result.decision,
        items: result.results.map((i) => {
          const r = shown.get(i.requestId);
          return { ...i, label: r ? labelOf(r) : i.requestId, decidedOn: r?.version ?? 0 };
        }),
      });
    }
    return result;
  }, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={formAction} noValidate className="space-y-4">
      <input type="hidden" name="decision" value={decision} />
      {subjects.map((r) => (
        <input key={r.id} type="hidden" name="requestId" value={r.id} />
      ))}
      <ul className="max-h-40 list-disc space-y-0.5 overflow-y-auto pl-5 text-sm text-fg2">
        {subjects.map((r) => (
          <li key={r.id}>{labelOf(r)}</li>
        ))}
      </ul>
      <NoteField
        id={`${id}-note`}
        label={decision === "approve" ? "Note to the consumers" : "Reason"}
        hint={decision === "approve" ? "The same note goes with every approval." : "Tell the consumers why; the same reason goes with every rejection."}
        required={decision === "reject"}
        error={failed?.fieldErrors?.note}
        value={note}
        onChange={setNote}
      />
      {failed && !failed.fieldErrors?.note && (
        <p role="alert" className="rounded-fl bg-danger-bg px-3 py-2 text-sm text-danger">
          {/* The note is the only field here; anything else (the selection) is said in words. */}
          {failed.fieldErrors ? Object.values(failed.fieldErrors).join(" ") : failed.message}
        </p>
      )}
      <div className="flex justify-end gap-2">
        <DialogClose asChild>
          <button type="button" className={buttonStyles.secondary}>
            Cancel
          </button>
        </DialogClose>
        <button type="submit" className={decision === "approve" ? buttonStyles.primary : dangerButton} disabled={pending}>
          {pending ? `${words.doing.replace(/^./, (c) => c.toUpperCase())}…` : `${words.verb} ${subjects.length}`}
        </button>
      </div>
    </form>
  );
}

/**
 * The results of a bulk decision, one per request. What the server said of each is true when it
 * arrives; the recorded ones then follow their rows until Azure has applied them (decisionProgress).
 */
function BulkResults({
  outcome,
  rows,
  headingRef,
  onDismiss,
}: {
  outcome: BulkOutcome;
  rows: Map<string, InboxRowView>;
  headingRef: Ref<HTMLHeadingElement>;
  onDismiss: () => void;
}) {
  const ok = outcome.items.filter((i) => i.ok).length;
  const verb = ACTION_WORDS[outcome.decision].verb;
  return (
    <section aria-labelledby="bulk-results-title" className="rounded-fl-lg border border-stroke2 bg-surface2 p-4" data-testid="bulk-results">
      <div className="flex items-start justify-between gap-4">
        <h2 id="bulk-results-title" ref={headingRef} tabIndex={-1} className="font-semibold" role="status">
          {verb} selected: {ok} of {outcome.items.length} recorded
        </h2>
        <button type="button" onClick={onDismiss} className={buttonStyles.subtle}>
          Dismiss
        </button>
      </div>
      <ul className="mt-2 space-y-1 text-sm">
        {outcome.items.map((i) => (
          <li key={i.requestId} className="flex gap-2" data-testid="bulk-result">
            <span aria-hidden="true" className={i.ok ? "text-success" : "text-danger"}>
              {i.ok ? "✓" : "✗"}
            </span>
            <span>
              <RequestLink id={i.requestId} className="font-semibold">
                {i.label}
              </RequestLink>
              : <span className="sr-only">{i.ok ? "recorded" : "refused"}, </span>
              {i.ok ? decisionProgress(outcome.decision, i.message, i.decidedOn, nowOf(rows.get(i.requestId))).text : i.message}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
