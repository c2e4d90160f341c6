import { useTranslation } from 'react-i18next'
import type { AppError } from '@shared/errors'
import { describeError } from './error-text'

/**
 * An error as the teller reads it: our sentence, then the provider's own words. `live={false}`
 * inside a region that is already announced (no alert inside an alert).
 */
export function ErrorMessage({ error, id, live = true }: { error: AppError; id?: string; live?: boolean }) {
  const { t } = useTranslation()
  const { sentence, provider } = describeError(t, error)
  return (
    <p className="error" role={live ? 'alert' : undefined} id={id}>
      {sentence}
      {provider && (
        <>
          {' — '}
          <span className="provider-message">{provider}</span>
        </>
      )}
    </p>
  )
}
