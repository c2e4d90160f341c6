import type { ReactNode } from 'react'
import './fact.css'

/** One labelled fact in a `<dl className="fields">`: label small above, value bold below. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="item">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  )
}
