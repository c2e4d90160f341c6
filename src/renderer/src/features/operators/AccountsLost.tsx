import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { AddOperatorForm } from './AddOperatorForm'

/**
 * The operator accounts were lost and no valid copy exists (main: operators/accounts-decide.ts):
 * the counter stays locked and says what to do. Started with --recover-operators, the new first
 * supervisor is created here; main refuses that without the flag anyway.
 */
export function AccountsLost({ recovery }: { recovery: boolean }) {
  const { t } = useTranslation()
  const nameRef = useRef<HTMLInputElement>(null)
  useEffect(() => {
    if (recovery) nameRef.current?.focus()
  }, [recovery])
  const title = t('operators.lost.title')
  return (
    <section className="sign-in" aria-label={title}>
      <h1 className="sign-in-title">{title}</h1>
      {recovery ? (
        <>
          <p className="hint">{t('operators.lost.recovery')}</p>
          <AddOperatorForm nameRef={nameRef} />
        </>
      ) : (
        <>
          <p role="alert">{t('operators.lost.locked')}</p>
          <p className="hint">{t('operators.lost.whatToDo')}</p>
        </>
      )}
    </section>
  )
}
