// A titled block holding one table, for views that stack two tables (sessions and connections,
// contacts and presence).

import type { ReactNode } from 'react';

export function TableSection({ title, count, grow, children }: { title: string; count: number; grow: 2 | 3; children: ReactNode }) {
  return (
    <section className={`table-section grow-${grow}`}>
      <h3 className="section-title">{title} <span className="section-count">{count}</span></h3>
      {children}
    </section>
  );
}
