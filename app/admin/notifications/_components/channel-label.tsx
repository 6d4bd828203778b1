import { channelLabel } from "../_lib/channels";

const PATHS: Record<string, string> = {
  email: "M2.5 4A1.5 1.5 0 0 0 1 5.5v9A1.5 1.5 0 0 0 2.5 16h15a1.5 1.5 0 0 0 1.5-1.5v-9A1.5 1.5 0 0 0 17.5 4h-15Zm.2 1.5h14.6L10 10.3 2.7 5.5Zm-.2 1.3 7.09 4.67a.75.75 0 0 0 .82 0L17.5 6.8v7.7h-15V6.8Z",
  webhook:
    "M10 2a4 4 0 0 0-2.3 7.27L5.2 13.6a2 2 0 1 0 1.3.75l2.82-4.88a.75.75 0 0 0-.3-1.03A2.5 2.5 0 1 1 12.5 6a.75.75 0 0 0 1.5 0 4 4 0 0 0-4-4Zm.75 6.2a.75.75 0 0 0-.27 1.03l2.82 4.88a2 2 0 1 0 1.3-.75l-2.82-4.89a.75.75 0 0 0-1.03-.27ZM4 12a.75.75 0 0 0-.75-.74A4 4 0 1 0 9.5 15.5h5.36a.75.75 0 0 0 0-1.5H9a.75.75 0 0 0-.75.75A2.5 2.5 0 1 1 4 12Z",
  teams: "M3.5 3A1.5 1.5 0 0 0 2 4.5v11A1.5 1.5 0 0 0 3.5 17h13a1.5 1.5 0 0 0 1.5-1.5v-11A1.5 1.5 0 0 0 16.5 3h-13ZM6 6.5h8V8h-3.25v6h-1.5V8H6V6.5Z",
  slack: "M7.75 2a.75.75 0 0 1 .74.63L9 6h3.48l.53-3.37a.75.75 0 0 1 1.48.24L14 6h2.25a.75.75 0 0 1 0 1.5h-2.49l-.47 3H15.5a.75.75 0 0 1 0 1.5h-2.45l-.56 3.62a.75.75 0 0 1-1.48-.24l.52-3.38H8.05l-.56 3.62a.75.75 0 0 1-1.48-.24L6.53 12H3.75a.75.75 0 0 1 0-1.5h3.02l.47-3H4.5a.75.75 0 0 1 0-1.5h2.97l.54-3.37A.75.75 0 0 1 7.75 2Zm.74 5.5-.47 3h3.48l.47-3H8.49Z",
};

/** A route's channel as an icon and its word (the icon is decoration; the word is what is read). */
export function ChannelLabel({ channel }: { channel: string }) {
  return (
    <span className="inline-flex items-center gap-1.5 whitespace-nowrap">
      {PATHS[channel] && (
        <svg aria-hidden="true" width="16" height="16" viewBox="0 0 20 20" className="shrink-0 text-fg2">
          <path fill="currentColor" d={PATHS[channel]} />
        </svg>
      )}
      {channelLabel(channel)}
    </span>
  );
}
