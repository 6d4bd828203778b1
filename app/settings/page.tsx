import { redirect } from "next/navigation";

/** Settings has one page so far: a link to /settings lands on it. */
export default function SettingsPage() {
  redirect("/settings/notifications");
}
