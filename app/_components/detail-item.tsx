/** One term and its value in a details list (`<dl>`): request pages, route pages. */
export function DetailItem({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="font-semibold text-fg2">{term}</dt>
      <dd className="min-w-0">{children}</dd>
    </>
  );
}
