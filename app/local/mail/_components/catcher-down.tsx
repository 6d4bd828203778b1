/** What to do when the local mail catcher does not answer. */
export function CatcherDown({ url }: { url: string }) {
  return (
    <div role="alert" className="space-y-1 rounded-fl border border-warning bg-warning-bg px-3 py-2 text-sm" data-testid="mail-catcher-down">
      <p className="font-semibold">The local mail catcher is not running.</p>
      <p>
        Crosslink could not reach it at <span className="font-mono">{url}</span>, so email sent now waits in Crosslink&apos;s queue and is
        delivered once it runs. <span className="font-mono">npm start</span> starts it with everything else; to run it alone:{" "}
        <span className="font-mono">npx tsx dev/mail-catcher/main.ts</span>.
      </p>
    </div>
  );
}
