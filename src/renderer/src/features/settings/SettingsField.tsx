import { useId, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppError } from '@shared/errors'
import { errorLine } from '../../shared/error-text'

export interface ControlProps {
  id: string
  'aria-describedby': string | undefined
  'aria-invalid': boolean
}

interface Props {
  label: string
  /** help lines shown under the control and read with it */
  notes?: (string | null | false | undefined)[]
  error?: AppError | undefined
  children: (control: ControlProps) => ReactNode
}

/** A labelled settings control with its notes and its own error. */
export function SettingsField({ label, notes = [], error, children }: Props) {
  const { t } = useTranslation()
  const id = useId()
  const shown = notes.filter((note): note is string => typeof note === 'string' && note !== '')
  const noteIds = shown.map((_, index) => `${id}-note-${index}`)
  const errorId = `${id}-error`
  const describedBy = [...noteIds, ...(error ? [errorId] : [])].join(' ') || undefined
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': Boolean(error) })}
      {shown.map((note, index) => (
        <p key={note} id={noteIds[index]} className="hint">
          {note}
        </p>
      ))}
      {error && (
        <p id={errorId} className="error" role="alert">
          {errorLine(t, error)}
        </p>
      )}
    </div>
  )
}
