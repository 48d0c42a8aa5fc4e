/** A product's grade as a badge ("Grade A+" to screen readers), the same in the list and the grouped view. */
export function GradeBadge({ grade }: { grade: string }) {
  return (
    <span className="grade-badge">
      <span className="sr-only">Grade </span>
      {grade}
    </span>
  );
}

/** The one product title of For Sale: "Apple iPhone 12 · 64GB · Black · AT&T" (the grade is shown as a badge). */
export function variantTitle(p: { manufacturer: string; model: string; capacity: string; color: string; network: string }): string {
  return [`${p.manufacturer} ${p.model}`.trim(), p.capacity, p.color, p.network].filter(Boolean).join(' · ');
}
