import { useId, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { LuxcoreMethod } from '@shared/contract'
import { matchesShortcut, shortcuts } from '../../shared/keyboard/shortcuts'
import { ErrorMessage } from '../../shared/ErrorMessage'
import { formatAmount, formatDateTime } from '../../shared/format'
import { luxcoreStatuses, methodText, statusText } from './deposit-text'
import { selectCanTurnPage } from './payments-slice'
import { useLuxcore } from './use-luxcore'
import { ShortcutButton } from '../../shared/keyboard/ShortcutButton'

const methods: readonly LuxcoreMethod[] = ['oxxo', 'cash']
const isMethod = (value: string): value is LuxcoreMethod => (methods as readonly string[]).includes(value)

/**
 * Today's payments as LuxCore lists them, filtered by status and method, 20 a page.
 * RePág/AvPág (or the buttons) turn the page while the focus is in this section.
 */
export function PaymentsList() {
  const { t } = useTranslation()
  const page = useLuxcore((s) => s.paymentsPage)
  const loading = useLuxcore((s) => s.paymentsLoading)
  const error = useLuxcore((s) => s.paymentsError)
  const filter = useLuxcore((s) => s.paymentsFilter)
  const offset = useLuxcore((s) => s.paymentsOffset)
  const language = useLuxcore((s) => s.language)
  const canPrevious = useLuxcore((s) => selectCanTurnPage(s, -1))
  const canNext = useLuxcore((s) => selectCanTurnPage(s, 1))
  const setFilter = useLuxcore((s) => s.setPaymentsFilter)
  const turn = useLuxcore((s) => s.turnPaymentsPage)
  const titleId = useId()
  const id = useId()

  const onKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    if (event.defaultPrevented || (event.target as HTMLElement).tagName === 'SELECT') return
    const direction = matchesShortcut(shortcuts.previousPage, event.nativeEvent)
      ? -1
      : matchesShortcut(shortcuts.nextPage, event.nativeEvent)
        ? 1
        : 0
    if (direction === 0) return
    event.preventDefault()
    turn(direction)
  }

  const items = page?.items ?? []
  const range =
    items.length === 0
      ? ''
      : page?.total !== null && page?.total !== undefined
        ? t('luxcore.payments.range', { from: offset + 1, to: offset + items.length, total: page.total })
        : t('luxcore.payments.rangeOpen', { from: offset + 1, to: offset + items.length })
  const none = t('luxcore.deposit.none')

  return (
    <section className="payments" aria-labelledby={titleId} onKeyDown={onKeyDown}>
      <h3 id={titleId} className="luxcore-section-title">
        {t('luxcore.payments.title')}
      </h3>
      <div className="payments-filters">
        <div className="field">
          <label htmlFor={`${id}-status`}>{t('luxcore.payments.status')}</label>
          <select
            id={`${id}-status`}
            value={filter.status}
            onChange={(event) => setFilter({ status: event.target.value })}
          >
            <option value="">{t('luxcore.payments.all')}</option>
            {luxcoreStatuses.map((status) => (
              <option key={status} value={status}>
                {statusText(t, status)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-method`}>{t('luxcore.payments.method')}</label>
          <select
            id={`${id}-method`}
            value={filter.method}
            onChange={(event) => setFilter({ method: isMethod(event.target.value) ? event.target.value : '' })}
          >
            <option value="">{t('luxcore.payments.all')}</option>
            {methods.map((method) => (
              <option key={method} value={method}>
                {methodText(t, method)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {error && <ErrorMessage error={error} />}
      {loading && !page && <p className="notice">{t('luxcore.payments.loading')}</p>}
      {page && items.length === 0 && <p className="notice">{t('luxcore.payments.empty')}</p>}
      {items.length > 0 && (
        <table className="payments-table" aria-labelledby={titleId} aria-busy={loading}>
          <thead>
            <tr>
              <th scope="col">{t('luxcore.payments.columns.createdAt')}</th>
              <th scope="col">{t('luxcore.payments.columns.reference')}</th>
              <th scope="col">{t('luxcore.payments.columns.transactionId')}</th>
              <th scope="col">{t('luxcore.payments.columns.amount')}</th>
              <th scope="col">{t('luxcore.payments.columns.method')}</th>
              <th scope="col">{t('luxcore.payments.columns.status')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((payment) => (
              <tr key={payment.transactionId}>
                <td>{payment.createdAt ? (formatDateTime(payment.createdAt, language) ?? none) : none}</td>
                <td>{payment.merchantReference ?? none}</td>
                <td>{payment.transactionId}</td>
                <td className="payments-amount">{formatAmount(payment.amount, language)}</td>
                <td>{methodText(t, payment.method)}</td>
                <td>{statusText(t, payment.status)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="actions payments-paging" role="group" aria-label={t('luxcore.payments.paging')}>
        <ShortcutButton
          shortcut="previousPage"
          className="button button-quiet"
          disabled={!canPrevious}
          onClick={() => turn(-1)}
        >
          {t('shortcuts.previousPage')}
        </ShortcutButton>
        <span className="payments-range">{range}</span>
        <ShortcutButton shortcut="nextPage" className="button button-quiet" disabled={!canNext} onClick={() => turn(1)}>
          {t('shortcuts.nextPage')}
        </ShortcutButton>
      </div>
    </section>
  )
}
