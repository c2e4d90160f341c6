import { useTranslation } from 'react-i18next'
import { ErrorMessage } from '../../shared/ErrorMessage'
import { errorLine } from '../../shared/error-text'
import { formatAmount } from '../../shared/format'
import { useLuxcore } from './use-luxcore'

/**
 * First thing in the panel, in large type: whether the key takes real money, so nobody
 * hands a customer a test voucher, or takes test money thinking it is live. Then the balance.
 */
export function LuxcoreHeader() {
  const { t } = useTranslation()
  const status = useLuxcore((s) => s.luxcoreStatus)
  const statusError = useLuxcore((s) => s.luxcoreStatusError)
  const balance = useLuxcore((s) => s.balance)
  const balanceError = useLuxcore((s) => s.balanceError)
  const language = useLuxcore((s) => s.language)

  let mode
  if (statusError) mode = <ErrorMessage error={statusError} />
  else if (!status) mode = <p className="notice">{t('luxcore.loading')}</p>
  else if (!status.configured)
    mode = <p className="luxcore-mode luxcore-mode-unconfigured">{t('luxcore.mode.unconfigured')}</p>
  else {
    const kind = status.keyMode ?? 'unknown'
    mode = (
      <>
        <p className={`luxcore-mode luxcore-mode-${kind}`}>{t(`luxcore.mode.${kind}`)}</p>
        <p className="hint">{t('luxcore.server', { url: status.baseUrl })}</p>
      </>
    )
  }

  const money = [
    ['available', balance?.available],
    ['frozen', balance?.frozen],
    ['total', balance?.balance]
  ] as const

  return (
    <div className="luxcore-header" role="group" aria-label={t('luxcore.mode.label')}>
      {mode}
      {status?.configured && balance && (
        <dl className="luxcore-balance" aria-label={t('luxcore.balance.title')}>
          {money.map(([key, amount]) => (
            <div key={key} className="item">
              <dt>{t(`luxcore.balance.${key}`)}</dt>
              <dd>{amount ? formatAmount(amount, language) : t('luxcore.deposit.none')}</dd>
            </div>
          ))}
        </dl>
      )}
      {status?.configured && balanceError && (
        <p className="hint">
          {t('luxcore.balance.error')} {errorLine(t, balanceError)}
        </p>
      )}
    </div>
  )
}
