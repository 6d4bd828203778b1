import Link from "next/link";
import { cardStyles, buttonStyles } from "./_components/ui";

export default function NotFound() {
  return (
    <div className={`${cardStyles} max-w-2xl space-y-4`}>
      <h1 className="text-xl font-semibold">Not found</h1>
      <p className="text-fg2">There is nothing here, or it is not visible to your account.</p>
      <Link href="/" className={buttonStyles.secondary}>
        Go to the start page
      </Link>
    </div>
  );
}
