import Link from 'next/link';
import { gradeAnchor } from '@/lib/photos/photo-path';

/**
 * A product's grade as a badge ("Grade A+" to screen readers), the same in the
 * list and the grouped view. With `guide` (the Grades page's path, given once
 * per table) it links to the grade's description there: `/p/acme/grades#grade-a-plus`.
 */
export function GradeBadge({ grade, guide }: { grade: string; guide?: string }) {
  const content = (
    <>
      <span className="sr-only">Grade </span>
      {grade}
    </>
  );
  if (!guide || !grade) return <span className="grade-badge">{content}</span>;
  return (
    <Link href={`${guide}#${gradeAnchor(grade)}`} prefetch={false} className="grade-badge hover:underline">
      {content}
    </Link>
  );
}

/** The one product title of For Sale: "Apple iPhone 12 · 64GB · Black · AT&T" (the grade is shown as a badge). */
export function variantTitle(p: { manufacturer: string; model: string; capacity: string; color: string; network: string }): string {
  return [`${p.manufacturer} ${p.model}`.trim(), p.capacity, p.color, p.network].filter(Boolean).join(' · ');
}
