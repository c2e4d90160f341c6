import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppError } from '@shared/errors'
import { errorLine } from '../../shared/error-text'
import { Field, type ControlProps } from '../../shared/Field'

interface Props {
  label: string
  /** help lines shown under the control and read with it */
  notes?: (string | null | false | undefined)[]
  error?: AppError | undefined
  children: (control: ControlProps) => ReactNode
}

/** A labelled settings control with its notes and its own error (main's refusal, in a sentence). */
export function SettingsField({ label, notes, error, children }: Props) {
  const { t } = useTranslation()
  return (
    <Field label={label} notes={notes} problem={error ? errorLine(t, error) : null}>
      {children}
    </Field>
  )
}
