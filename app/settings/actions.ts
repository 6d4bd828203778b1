"use server";

import { refresh } from "next/cache";
import { saveEmailPreferences } from "@/lib/notify/preferences";
import { action, type ActionError } from "@/app/_lib/action";

/** Saves which changes the signed-in person is emailed about: the boxes left ticked. */
export async function saveEmailPreferencesAction(form: FormData): Promise<{ ok: true; message: string } | ActionError> {
  return action({}, async ({ principal, services }) => {
    const emailed = form.getAll("emailed").filter((v): v is string => typeof v === "string");
    await saveEmailPreferences(services.db, principal, { emailed });
    refresh();
    return {
      ok: true as const,
      message: emailed.length === 0 ? "Saved. You will not be emailed about your requests; they still show in Crosslink." : "Saved. Your email choices apply from the next change.",
    };
  });
}
