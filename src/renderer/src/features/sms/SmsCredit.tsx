import { useTranslation } from 'react-i18next'
import { formatAmount, formatTime } from '../../shared/format'
import { useSms } from './use-sms'

/** The status bar's "SMS credit", with the low-credit warning and a LOX24 block when there is one. */
export function SmsCredit() {
  const { t } = useTranslation()
  const language = useSms((s) => s.language)
  const status = useSms((s) => s.lox24Status)
  const credit = useSms((s) => s.smsCredit)
  if (!status?.configured) return null
  const amount = credit ? formatAmount(credit.balance, language) : null
  const text = !amount
    ? t('lox24.credit.unknown')
    : credit?.low
      ? t('lox24.credit.low', { amount })
      : t('lox24.credit.value', { amount })
  const blocked = status.blockedUntil ? formatTime(status.blockedUntil, language) : null
  return (
    <p
      role="status"
      aria-label={t('lox24.credit.label')}
      className={credit?.low ? 'status-item sms-credit-low' : 'status-item'}
    >
      {text}
      {blocked && <span> — {t('lox24.credit.blocked', { time: blocked })}</span>}
    </p>
  )
}
