import { useId, useRef, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Deposit } from '@shared/contract'
import { ErrorMessage } from '../../shared/ErrorMessage'
import { formatAmount, formatDateTime } from '../../shared/format'
import { listboxMove, useScrollIntoView } from '../../shared/listbox'
import { methodText, progressText } from './deposit-text'
import { useLuxcore } from './use-luxcore'

/**
 * This counter's deposits, newest first, kept live by `luxcore.deposit`. One listbox: the
 * arrows choose the deposit on view (and the one Supr would cancel).
 */
export function DepositList() {
  const { t } = useTranslation()
  const deposits = useLuxcore((s) => s.deposits)
  const error = useLuxcore((s) => s.depositsError)
  const shownReference = useLuxcore((s) => s.shownReference)
  const language = useLuxcore((s) => s.language)
  const show = useLuxcore((s) => s.showDeposit)
  const move = useLuxcore((s) => s.moveDepositSelection)
  const listRef = useRef<HTMLDivElement>(null)
  const titleId = useId()
  const prefix = useId()
  const optionId = (deposit: Deposit): string =>
    `${prefix}-${deposit.merchantReference.replace(/[^A-Za-z0-9_-]/g, '_')}`
  const selected = deposits?.find((deposit) => deposit.merchantReference === shownReference) ?? null
  const activeDescendant = selected ? optionId(selected) : undefined

  useScrollIntoView(activeDescendant)

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const delta = listboxMove(event)
    if (delta === null) return
    event.preventDefault()
    move(delta)
  }

  let body
  if (error) body = <ErrorMessage error={error} />
  else if (!deposits) body = <p className="notice">{t('luxcore.list.loading')}</p>
  else if (deposits.length === 0) body = <p className="notice">{t('luxcore.list.empty')}</p>
  else {
    body = (
      <>
        <div
          ref={listRef}
          className="outbox-list deposit-list"
          role="listbox"
          tabIndex={0}
          aria-labelledby={titleId}
          aria-activedescendant={activeDescendant}
          onKeyDown={onKeyDown}
        >
          {deposits.map((deposit) => (
            <div
              key={deposit.merchantReference}
              id={optionId(deposit)}
              role="option"
              aria-selected={deposit.merchantReference === shownReference}
              className={`outbox-row deposit-row deposit-row-${deposit.state}`}
              onClick={() => {
                show(deposit.merchantReference)
                listRef.current?.focus()
              }}
            >
              <span className="outbox-row-head">
                <strong>{deposit.merchantReference}</strong>
                {' · '}
                {formatAmount(deposit.payment?.amount ?? deposit.amount, language)}
                {' · '}
                {methodText(t, deposit.method)}
                {' · '}
                <span className="outbox-state">
                  {progressText(t, deposit)}
                  {deposit.cancelling ? ` · ${t('luxcore.list.states.cancelling')}` : ''}
                </span>
              </span>
              <span className="outbox-row-line">
                {formatDateTime(deposit.createdAt, language) ?? deposit.createdAt}
              </span>
            </div>
          ))}
        </div>
        <p className="hint outbox-keys">
          <kbd className="kbd">↑</kbd> <kbd className="kbd">↓</kbd> {t('luxcore.list.move')}
        </p>
      </>
    )
  }

  return (
    <section className="deposit-list-section" aria-labelledby={titleId}>
      <h3 id={titleId} className="luxcore-section-title">
        {t('luxcore.list.title')}
      </h3>
      {body}
    </section>
  )
}
