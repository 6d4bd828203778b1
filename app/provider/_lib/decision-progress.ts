import { ACTION_WORDS, type Decision } from "@/lib/domain/request-words";

/** The request as the page shows it now, as far as a decision's progress needs it. */
export type RequestNow = { state: string; version: number; pending: boolean; lastError: string | null };

export type Progress = { phase: "applying" | "applied" | "refused" | "changed" | "gone"; text: string };

/**
 * What to say about a decision taken on this page, given the request as the page shows it now.
 * The server's answer ("Recorded. Crosslink is approving it in Azure.") is true when it arrives
 * and while Azure works on it; once the request has settled it would claim work that has ended,
 * so from then on the words follow the request: applied, refused by Azure, or changed since.
 *
 * `decidedOn` is the version the provider decided on: recording the decision bumps it, so a row
 * still at that version is the list from before the decision (not reloaded yet), and a no-op
 * ("already in that state") never moves past it.
 */
export function decisionProgress(decision: Decision, answer: string, decidedOn: number, now: RequestNow | undefined): Progress {
  if (!now) return { phase: "gone", text: "Recorded. It has left this list since; open the request to see where it stands." };
  if (now.version <= decidedOn || now.pending) return { phase: "applying", text: answer };
  const { leadsTo } = ACTION_WORDS[decision];
  if (now.state === leadsTo) return { phase: "applied", text: `Recorded. Azure has applied it: the request is now ${leadsTo}.` };
  if (now.lastError) return { phase: "refused", text: `Recorded, but Azure did not apply it: ${now.lastError}` };
  return { phase: "changed", text: `Recorded. The request has changed since: it is now ${now.state}.` };
}
