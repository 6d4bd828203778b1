"use server";

import { redirect } from "next/navigation";
import { AppError, NotFoundError } from "@/lib/core/errors";
import { action, type ActionError } from "@/app/_lib/action";
import { clearCaughtMail } from "./_lib/catcher";

export type ClearResult = ActionError | null;

/** "Clear all" on the local mail page: the catcher forgets every message (local mode only). */
export async function clearAllMailAction(): Promise<ClearResult> {
  const result = await action({}, async ({ services }) => {
    const url = services.config.mode === "local" ? services.config.notify.mailCatcherUrl : null;
    if (!url) throw new NotFoundError("page");
    if (!(await clearCaughtMail(url))) {
      throw new AppError("conflict", `The local mail catcher at ${url} did not answer; nothing was cleared. npm start runs it.`, "mail_catcher_down");
    }
    return { ok: true as const };
  });
  if ("ok" in result && !result.ok) return result;
  redirect("/local/mail");
}
