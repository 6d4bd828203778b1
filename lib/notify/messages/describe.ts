/**
 * What a notification says, in words: a title, a summary and the next steps, for every
 * notification type and both audiences. Every channel (email, Teams, Slack, the in-app list)
 * renders from this, so the story is the same wherever it is read.
 *
 * Everything said comes from the facts; where a fact is missing the text says so ("They gave no
 * reason") rather than guessing. The words of states and actions are the app's (STATE_WORDS,
 * ACTION_WORDS), so a notification and the page it links to speak alike.
 *
 * Titles are one line (data is flattened: no line breaks from names reach a subject); a
 * request message or a note keeps its line breaks in the summary, quoted.
 */
import { personLabel } from "../../core/actor";
import { ACTION_WORDS, STATE_WORDS, possessive, wordsFor, type ActionWords } from "../../domain/request-words";
import type { NotificationFacts, RequestFacts } from "../facts";
import { NOTIFICATION_TYPE_LABELS, type NotificationType, type ROUTE_MESSAGE_TYPES } from "../notification-types";
import { capitalize, hoursLabel, oneLine, quoted, sentence } from "./format";

export type NotificationText = {
  /** One line: an email subject, a card's title, the in-app list's headline. */
  title: string;
  /** A few sentences: what happened and where the request stands. */
  summary: string;
  /** What the reader can do now, in order; empty when there is nothing to do. */
  nextSteps: string[];
};

type RequestNotificationType = Exclude<NotificationType, (typeof ROUTE_MESSAGE_TYPES)[number]>;

/** What the texts are built from: the facts, with names flattened to one line. */
type Ctx = {
  facts: NotificationFacts;
  r: RequestFacts;
  consumer: string;
  target: string;
  /** "Felix Fischer (Fabrikam)", or "Fabrikam" when the requester is not known. */
  requester: string;
  /** "contoso-orders (web app, sub-resource sites)". */
  targetDetail: string;
  actor: string;
  actorIsPerson: boolean;
  /** The decision note as written, or null. */
  decisionNote: string | null;
  /** Why the request failed or a change was refused, or null. */
  reason: string | null;
};

export function describeNotification(facts: NotificationFacts): NotificationText {
  if (facts.type === "route.test" || facts.type === "route.disabled") return describeRouteMessage(facts, facts.type);
  const r = facts.request;
  // A request event always carries its request; without one, say only what the type means.
  if (!r) return { title: NOTIFICATION_TYPE_LABELS[facts.type].label, summary: NOTIFICATION_TYPE_LABELS[facts.type].description, nextSteps: [] };
  const c = context(facts, r);
  return facts.audience === "provider" ? FOR_PROVIDER[facts.type](c) : FOR_CONSUMER[facts.type](c);
}

function context(facts: NotificationFacts, r: RequestFacts): Ctx {
  const consumer = oneLine(r.consumerTenantName);
  const target = oneLine(r.targetName);
  return {
    facts,
    r,
    consumer,
    target,
    requester: r.requesterName ? personLabel(oneLine(r.requesterName), consumer) : consumer,
    targetDetail: `${target} (${oneLine(r.targetTypeLabel)}, sub-resource ${oneLine(r.groupId)})`,
    actor: oneLine(facts.actor.label),
    actorIsPerson: facts.actor.kind === "person",
    decisionNote: facts.note ?? r.decisionNote,
    reason: r.stateReason ?? facts.note,
  };
}

// ---------------------------------------------------------------- sentences

/** "Priya Patel (Contoso) approved the connection." or, for a change found in Azure, who did it is unknown. */
function decided(c: Ctx, past: string): string {
  if (c.facts.actor.kind === "azure") return `The connection was ${past} outside Crosslink (Azure reports it ${STATE_WORDS[c.r.state].label}).`;
  return `${c.actor} ${past} the connection.`;
}

/** "Their reason: “…”." — or, when none was given, that none was. */
function noteSentence(c: Ctx, kind: "note" | "reason"): string {
  if (c.decisionNote) return sentence(`${c.actorIsPerson ? `Their ${kind}` : capitalize(kind)}: ${quoted(c.decisionNote)}`);
  return kind === "reason" ? "No reason was given." : "";
}

function reasonSentence(c: Ctx, fallback: string): string {
  return c.reason ? sentence(`The reason given: ${quoted(c.reason)}`) : fallback;
}

function messageSentence(c: Ctx): string {
  return c.r.requestMessage.trim() ? sentence(`Their message: ${quoted(c.r.requestMessage)}`) : "They left no message.";
}

function join(...parts: string[]): string {
  return parts.filter((p) => p.length > 0).join(" ");
}

/** "contoso-orders.azurewebsites.net → 10.0.1.4", one per name Azure reports with an address. */
export function dnsRecordLines(r: Pick<RequestFacts, "privateIps">): string[] {
  return r.privateIps
    .filter((p) => p.ips.length > 0)
    .map((p) => {
      const name = oneLine(p.fqdn);
      const ips = p.ips.map(oneLine).join(", ");
      return name ? `${name} → ${ips}` : `the endpoint's address: ${ips}`;
    });
}

/** The DNS a consumer sets up once approved: the zone, the records, and where the full guide is. */
function dnsSteps(c: Ctx): string[] {
  const records = dnsRecordLines(c.r);
  if (records.length === 0) return ["Set up DNS for the endpoint: the DNS guide appears on your request's page once Azure reports the endpoint's private IP address."];
  const zone = c.r.privateDnsZone ? oneLine(c.r.privateDnsZone) : null;
  const steps = zone
    ? [
        `Set up DNS: link the private DNS zone ${zone} to the virtual network your clients use (create the zone if you don't have it yet).`,
        `In that zone, add A records so these names resolve to the endpoint: ${records.join("; ")}.`,
      ]
    : [`Set up DNS: there is no standard private DNS zone for this target, so create these names in the DNS your clients use: ${records.join("; ")}.`];
  steps.push(
    "The DNS guide on your request's page in Crosslink has copy-paste az commands and Bicep, including a zone group that keeps the records in step with the endpoint (recommended).",
  );
  return steps;
}

/** The words of the change in `facts.action`, if it is one Crosslink knows. */
function actionWords(c: Ctx): ActionWords | undefined {
  return wordsFor(c.facts.action);
}

function waited(c: Ctx): string {
  return c.facts.waitingHours === null ? "Still waiting" : `Waiting ${hoursLabel(c.facts.waitingHours)}`;
}

// ---------------------------------------------------------------- the provider

const FOR_PROVIDER: Record<RequestNotificationType, (c: Ctx) => NotificationText> = {
  "request.filed": (c) => ({
    title: `${c.consumer} filed a request for a private endpoint to ${c.target}`,
    summary: join(`${c.requester} filed a request for a private endpoint to ${c.targetDetail}.`, messageSentence(c), STATE_WORDS[c.r.state].forProvider),
    nextSteps: ["Nothing to do yet: the request waits for your decision once the endpoint exists."],
  }),
  "request.registered": (c) => ({
    title: `${c.consumer} registered a private endpoint to ${c.target}`,
    summary: join(
      `${c.requester} registered a private endpoint created outside Crosslink${c.r.endpointName ? ` (${oneLine(c.r.endpointName)})` : ""}, connected to ${c.targetDetail}.`,
      messageSentence(c),
      STATE_WORDS[c.r.state].forProvider,
    ),
    nextSteps: c.r.state === "Pending" ? ["Open the request in Crosslink and approve or reject it."] : [],
  }),
  "request.retried": (c) => ({
    title: `Retrying: ${possessive(c.consumer)} private endpoint to ${c.target}`,
    summary: join(`${c.actor} asked Crosslink to try again to create ${possessive(c.consumer)} private endpoint to ${c.targetDetail}.`, STATE_WORDS[c.r.state].forProvider),
    nextSteps: ["Nothing to do yet: the request waits for your decision once the endpoint exists."],
  }),
  "request.pending": (c) => ({
    title: `${c.consumer} asks for a private endpoint to ${c.target}`,
    summary: join(`${c.requester} asks for a private endpoint to ${c.targetDetail}.`, messageSentence(c), STATE_WORDS.Pending.forProvider),
    nextSteps: [
      "Open the request in Crosslink and approve or reject it.",
      `${ACTION_WORDS.approve.verb}: ${ACTION_WORDS.approve.meaning}`,
      `${ACTION_WORDS.reject.verb}: give a reason; the consumer sees it.`,
    ],
  }),
  "request.approved": (c) => ({
    title: `Approved: ${possessive(c.consumer)} private endpoint to ${c.target}`,
    summary: join(decided(c, "approved"), noteSentence(c, "note"), STATE_WORDS.Approved.forProvider),
    nextSteps: [],
  }),
  "request.rejected": (c) => ({
    title: `Rejected: ${possessive(c.consumer)} private endpoint to ${c.target}`,
    summary: join(decided(c, "rejected"), noteSentence(c, "reason"), STATE_WORDS.Rejected.forProvider),
    nextSteps: [],
  }),
  "request.disconnected": (c) => ({
    title: `Disconnected: ${possessive(c.consumer)} private endpoint to ${c.target}`,
    summary: join(decided(c, "disconnected"), noteSentence(c, "note"), STATE_WORDS.Disconnected.forProvider),
    nextSteps: [],
  }),
  "request.withdrawn": (c) => ({
    title: `Withdrawn: ${possessive(c.consumer)} request for ${c.target}`,
    summary: !c.r.endpointResourceId
      ? `${c.actor} discarded the request for a private endpoint to ${c.targetDetail} before an endpoint existed.`
      : c.facts.actor.kind === "azure"
        ? `${possessive(c.consumer)} private endpoint to ${c.targetDetail} was deleted outside Crosslink (Azure reports it gone), so the request is withdrawn.`
        : join(`${c.actor} withdrew the request for a private endpoint to ${c.targetDetail}.`, STATE_WORDS.Withdrawn.forProvider),
    nextSteps: [],
  }),
  "request.failed": (c) => ({
    title: `Failed: ${possessive(c.consumer)} private endpoint to ${c.target} could not be created`,
    summary: join(STATE_WORDS.Failed.forProvider, reasonSentence(c, "Azure did not say why.")),
    nextSteps: [`Nothing to do: ${c.consumer} can retry or discard the request.`],
  }),
  "request.action_requested": (c) => {
    const words = actionWords(c);
    return {
      title: `${capitalize(words?.doing ?? "changing")}: ${possessive(c.consumer)} request for ${c.target}`,
      summary: words
        ? join(`${c.actor} chose ${words.verb} on ${possessive(c.consumer)} request for a private endpoint to ${c.targetDetail}.`, words.accepted)
        : `${c.actor} asked for a change to ${possessive(c.consumer)} request for a private endpoint to ${c.targetDetail}; Crosslink is carrying it out in Azure.`,
      nextSteps: [],
    };
  },
  "request.action_failed": (c) => {
    const words = actionWords(c);
    return {
      title: `Azure refused to ${words ? words.verb.toLowerCase() : "change"} ${possessive(c.consumer)} request for ${c.target}`,
      summary: join(
        `Azure keeps refusing to ${words ? words.verb.toLowerCase() : "carry out a change to"} ${possessive(c.consumer)} request for a private endpoint to ${c.targetDetail}.`,
        reasonSentence(c, "Azure did not say why."),
        `The request stays ${STATE_WORDS[c.r.state].label}.`,
      ),
      nextSteps: ["Open the request in Crosslink: it shows Azure's answer. Fix the cause, then decide again."],
    };
  },
  "request.reminder": (c) => ({
    title: `${waited(c)}: ${possessive(c.consumer)} request for ${c.target}`,
    summary: join(
      `${c.requester} asked for a private endpoint to ${c.targetDetail}, and it has waited ${c.facts.waitingHours === null ? "longer than the reminder time" : hoursLabel(c.facts.waitingHours)} for a decision.`,
      messageSentence(c),
    ),
    nextSteps: ["Open the request in Crosslink and approve or reject it."],
  }),
  "request.escalated": (c) => ({
    title: `Escalated, ${waited(c).toLowerCase()}: ${possessive(c.consumer)} request for ${c.target}`,
    summary: join(
      `${c.requester} asked for a private endpoint to ${c.targetDetail}, and it has waited ${c.facts.waitingHours === null ? "" : `${hoursLabel(c.facts.waitingHours)}, `}at least twice the reminder time, for a decision.`,
      messageSentence(c),
      "You get this as an escalation: the reminder did not lead to a decision.",
    ),
    nextSteps: ["Open the request in Crosslink and approve or reject it, or make sure the people responsible for this resource do."],
  }),
};

// ---------------------------------------------------------------- the consumer

const FOR_CONSUMER: Record<RequestNotificationType, (c: Ctx) => NotificationText> = {
  "request.filed": (c) => ({
    title: `Filed: your request for a private endpoint to ${c.target}`,
    summary: join(`You filed a request for a private endpoint to ${c.targetDetail}.`, STATE_WORDS[c.r.state].forConsumer),
    nextSteps: [],
  }),
  "request.registered": (c) => ({
    title: `Registered: your private endpoint to ${c.target}`,
    summary: join(
      `Your private endpoint${c.r.endpointName ? ` ${oneLine(c.r.endpointName)}` : ""} to ${c.targetDetail} is registered in Crosslink.`,
      STATE_WORDS[c.r.state].forConsumer,
    ),
    nextSteps: [],
  }),
  "request.retried": (c) => ({
    title: `Retrying: your private endpoint to ${c.target}`,
    summary: join(`Your request for a private endpoint to ${c.targetDetail} is being tried again.`, ACTION_WORDS.retry.accepted),
    nextSteps: [],
  }),
  "request.pending": (c) => ({
    title: `Waiting for a decision: your private endpoint to ${c.target}`,
    summary: join(
      `Your private endpoint${c.r.endpointName ? ` ${oneLine(c.r.endpointName)}` : ""} to ${c.targetDetail} exists, and Azure holds its connection as Pending.`,
      "The provider decides whether to approve or reject it.",
    ),
    nextSteps: ["Nothing to do until the provider decides; your request's page shows the decision as soon as it is made."],
  }),
  "request.approved": (c) => ({
    title: `Approved: your private endpoint to ${c.target}`,
    summary: join(decided(c, "approved"), noteSentence(c, "note"), STATE_WORDS.Approved.forConsumer),
    nextSteps: dnsSteps(c),
  }),
  "request.rejected": (c) => ({
    title: `Rejected: your private endpoint to ${c.target}`,
    summary: join(decided(c, "rejected"), noteSentence(c, "reason"), "Azure never approves a rejected connection later."),
    nextSteps: [
      c.actorIsPerson ? `If the reason is unclear, contact ${c.actor}.` : `If the reason is unclear, contact the team that runs ${c.target}.`,
      `${ACTION_WORDS.withdraw.verb} this request to delete the rejected endpoint, then file a new request with more detail in your message: who you are and what you need the connection for.`,
    ],
  }),
  "request.disconnected": (c) => {
    const records = dnsRecordLines(c.r);
    return {
      title: `Disconnected: your private endpoint to ${c.target}`,
      summary: join(decided(c, "disconnected"), noteSentence(c, "note"), "The private endpoint still exists in your subscription but carries no traffic."),
      nextSteps: [
        `Clean up: ${ACTION_WORDS.withdraw.verb.toLowerCase()} the request on its page and Crosslink deletes the private endpoint in Azure (with a zone group, its DNS records go with it).`,
        ...(records.length > 0 ? [`If you added DNS records by hand, delete them: ${records.join("; ")}.`] : []),
        "To connect again, file a new request.",
      ],
    };
  },
  "request.withdrawn": (c) => ({
    title: `Withdrawn: your request for ${c.target}`,
    summary: c.r.endpointResourceId
      ? c.facts.actor.kind === "azure"
        ? `Your private endpoint to ${c.targetDetail} was deleted outside Crosslink (Azure reports it gone), so the request is withdrawn.`
        : join(`Your request for a private endpoint to ${c.targetDetail} was withdrawn.`, STATE_WORDS.Withdrawn.forConsumer)
      : `Your request for a private endpoint to ${c.targetDetail} was discarded before an endpoint existed; nothing was created in Azure.`,
    nextSteps: [],
  }),
  "request.failed": (c) => ({
    title: `Failed: your private endpoint to ${c.target} could not be created`,
    summary: join(`Creating your private endpoint to ${c.targetDetail} failed.`, reasonSentence(c, "Azure did not say why."), "Nothing exists in Azure for it."),
    nextSteps: [
      `Fix what the reason says, then choose ${ACTION_WORDS.retry.verb} on your request's page.`,
      `Or choose ${ACTION_WORDS.discard.verb} to end the request; nothing is deleted in Azure.`,
    ],
  }),
  "request.action_requested": (c) => {
    const words = actionWords(c);
    return {
      title: `${capitalize(words?.doing ?? "changing")}: your request for ${c.target}`,
      summary: words
        ? join(`${c.actor} chose ${words.verb} on your request for a private endpoint to ${c.targetDetail}.`, words.accepted)
        : `${c.actor} asked for a change to your request for a private endpoint to ${c.targetDetail}; Crosslink is carrying it out in Azure.`,
      nextSteps: [],
    };
  },
  "request.action_failed": (c) => {
    const words = actionWords(c);
    return {
      title: `Azure refused to ${words ? words.verb.toLowerCase() : "change"} your request for ${c.target}`,
      summary: join(
        `Azure keeps refusing to ${words ? words.verb.toLowerCase() : "carry out a change to"} your request for a private endpoint to ${c.targetDetail}.`,
        reasonSentence(c, "Azure did not say why."),
        `The request stays ${STATE_WORDS[c.r.state].label}.`,
      ),
      nextSteps: ["Open your request in Crosslink: it shows Azure's answer. Fix the cause, then try again."],
    };
  },
  "request.reminder": (c) => ({
    title: `${waited(c)}: your request for ${c.target}`,
    summary: join(`Your request for a private endpoint to ${c.targetDetail} still waits for the provider's decision.`, "Crosslink reminded the provider."),
    nextSteps: [],
  }),
  "request.escalated": (c) => ({
    title: `Escalated, ${waited(c).toLowerCase()}: your request for ${c.target}`,
    summary: join(`Your request for a private endpoint to ${c.targetDetail} has waited at least twice the reminder time for the provider's decision.`, "Crosslink escalated it on the provider's side."),
    nextSteps: [],
  }),
};

// ---------------------------------------------------------------- the route's own messages

function describeRouteMessage(facts: NotificationFacts, type: (typeof ROUTE_MESSAGE_TYPES)[number]): NotificationText {
  const name = facts.route ? `“${oneLine(facts.route.name)}”` : "a notification route";
  if (type === "route.test") {
    return {
      title: "Test event from Crosslink",
      summary: `${oneLine(facts.actor.label)} sent this test event to check that the route ${name} delivers. No request is involved.`,
      nextSteps: [],
    };
  }
  const reason = facts.route?.reason ? oneLine(facts.route.reason) : null;
  return {
    title: `Route disabled: ${facts.route ? oneLine(facts.route.name) : "a notification route"}`,
    summary: join(`Crosslink disabled the route ${name}.`, reason ? sentence(`Reason: ${reason}`) : "", "It receives no notifications until it is enabled again."),
    nextSteps: [
      "Fix the receiving end (the URL, the receiver, or the address) so it accepts deliveries again.",
      "Then enable the route again on its page in Crosslink; its delivery log shows each failed attempt and can redeliver them.",
    ],
  };
}
