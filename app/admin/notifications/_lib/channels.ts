/**
 * How each channel and purpose of a route is named and explained on the route pages. Plain data,
 * so client components use it without pulling in server code; the channel and purpose lists are
 * the ones the route form's validation accepts.
 */
import type { RouteChannel, RoutePurpose } from "@/lib/notify/route-input";

export type ChannelCopy = {
  /** The channel's name, as on a radio button ("Microsoft Teams"). */
  label: string;
  /** What the target field is called for this channel. */
  targetLabel: string;
  /** What to paste into it and where it comes from. */
  targetHint: string;
  placeholder: string;
  /** The target is a URL (shown masked once saved: Teams and Slack URLs carry their secret). */
  url: boolean;
};

export const CHANNEL_ORDER: readonly RouteChannel[] = ["email", "webhook", "teams", "slack"];

export const CHANNEL_COPY: Record<RouteChannel, ChannelCopy & { hint: string }> = {
  email: {
    label: "Email",
    hint: "One or more addresses, e.g. a team's shared mailbox or distribution list.",
    targetLabel: "Email addresses",
    targetHint: "Separate addresses with commas. Each gets its own copy of every notification.",
    placeholder: "platform-team@contoso.com, oncall@contoso.com",
    url: false,
  },
  webhook: {
    label: "Webhook",
    hint: "A JSON POST to your own endpoint, signed per the Standard Webhooks specification (see docs/webhooks.md for the payloads and how to verify the signature).",
    targetLabel: "Webhook URL",
    targetHint: "Your receiver's https URL. Crosslink signs each call with a secret it shows you once, right after you create the route.",
    placeholder: "https://hooks.contoso.com/crosslink",
    url: true,
  },
  teams: {
    label: "Microsoft Teams",
    hint: "A card in a Teams channel, through a Workflows flow started by “When a Teams webhook request is received”.",
    targetLabel: "Teams Workflows webhook URL",
    targetHint: "In Teams: the channel's … menu → Workflows → “Post to a channel when a webhook request is received”; copy the URL the flow shows.",
    placeholder: "https://prod-00.westeurope.logic.azure.com/workflows/…",
    url: true,
  },
  slack: {
    label: "Slack",
    hint: "A message in a Slack channel, through an incoming webhook.",
    targetLabel: "Slack incoming webhook URL",
    targetHint: "In Slack: your app's Incoming Webhooks page → Add New Webhook to Workspace; copy the URL (https://hooks.slack.com/services/…).",
    placeholder: "https://hooks.slack.com/services/…",
    url: true,
  },
};

export const PURPOSE_ORDER: readonly RoutePurpose[] = ["notify", "escalation"];

export const PURPOSE_COPY: Record<RoutePurpose, { label: string; hint: string }> = {
  notify: {
    label: "Notify",
    hint: "Told about the events you choose below: new requests, decisions, failures and reminders.",
  },
  escalation: {
    label: "Escalation",
    hint: "Told only when a request has waited twice the reminder time: for a manager or an on-call rota, when the usual route was not enough.",
  },
};

/** A channel's name for any stored value (an unknown one is shown as it is). */
export function channelLabel(channel: string): string {
  return (CHANNEL_COPY as Record<string, ChannelCopy | undefined>)[channel]?.label ?? channel;
}
