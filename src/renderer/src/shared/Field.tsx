import { useId, type ReactNode } from 'react'

export interface ControlProps {
  id: string
  'aria-describedby': string | undefined
  'aria-invalid': boolean
}

interface Props {
  label: ReactNode
  /** help lines shown under the control and read with it */
  notes?: (string | null | false | undefined)[]
  /**
   * shown right beside the control and read with it (e.g. the amount as understood); pass
   * null while there is nothing to show, so the control is not re-mounted (and keeps the focus)
   */
  beside?: ReactNode
  /** what is wrong with the value, in the teller's words */
  problem?: string | null | undefined
  children: (control: ControlProps) => ReactNode
}

/** A labelled control with its notes and its own problem (an alert next to it). */
export function Field({ label, notes = [], beside, problem, children }: Props) {
  const id = useId()
  const shown = notes.filter((note): note is string => typeof note === 'string' && note !== '')
  const noteIds = shown.map((_, index) => `${id}-note-${index}`)
  const besideId = `${id}-beside`
  const problemId = `${id}-problem`
  const describedBy =
    [...(beside ? [besideId] : []), ...noteIds, ...(problem ? [problemId] : [])].join(' ') || undefined
  const control = children({ id, 'aria-describedby': describedBy, 'aria-invalid': Boolean(problem) })
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {beside !== undefined ? (
        <div className="field-row">
          {control}
          <span id={besideId} className="field-beside">
            {beside}
          </span>
        </div>
      ) : (
        control
      )}
      {shown.map((note, index) => (
        <p key={note} id={noteIds[index]} className="hint">
          {note}
        </p>
      ))}
      {problem && (
        <p id={problemId} className="error" role="alert">
          {problem}
        </p>
      )}
    </div>
  )
}
