import { useTranslation } from 'react-i18next'
import { ErrorMessage } from '../../shared/ErrorMessage'
import { formatAmount } from '../../shared/format'
import { useLink } from './use-link'

/**
 * Today's links with their trace. "Check payment" asks Luka's cash-payments query by reference =
 * trace; a link's result goes to Luka's webhook, so "not found" only means no payment seen yet.
 */
export function TodayLinks() {
  const { t } = useTranslation()
  const language = useLink((s) => s.language)
  const links = useLink((s) => s.todayLinks)
  const checks = useLink((s) => s.linkChecks)
  const checkLink = useLink((s) => s.checkLink)
  if (!links) return null
  return (
    <section className="link-today" aria-label={t('link.today')}>
      <h3>{t('link.today')}</h3>
      {links.length === 0 && <p className="hint">{t('link.noneToday')}</p>}
      <ul>
        {links.map((link) => {
          const check = checks[link.trace]
          return (
            <li key={link.trace}>
              <span>
                {formatAmount(link.amount, language)} · {link.trace} · {link.orderNumber ?? '—'} ·{' '}
                {t(`link.states.${link.state}`)}
              </span>{' '}
              {link.state !== 'rejected' && link.state !== 'failed' && (
                <button
                  type="button"
                  className="button button-quiet"
                  aria-label={`${t('link.check')} ${link.trace}`}
                  onClick={() => void checkLink(link.trace)}
                >
                  {t('link.check')}
                </button>
              )}
              {check && 'check' in check && (
                <span role="status">
                  {check.check.payment
                    ? t('link.seen', {
                        amount: formatAmount(check.check.payment.amount, language),
                        status: check.check.payment.processingStatus ?? '—'
                      })
                    : t('link.notSeen')}
                </span>
              )}
              {check && 'error' in check && <ErrorMessage error={check.error} />}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
