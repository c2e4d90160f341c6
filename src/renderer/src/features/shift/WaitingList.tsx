import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { ZReport } from '@shared/books'
import { formatAmount } from '../../shared/format'
import { resultText } from '../../shared/journal-text'
import { useShift } from './use-shift'

/** Approvals whose cash is in the drawer but Luka has not confirmed: always listed apart. */
export function WaitingList({ waiting }: { waiting: ZReport['waiting'] }) {
  const { t } = useTranslation()
  const language = useShift((s) => s.language)
  const titleId = useId()
  return (
    <section className="waiting" aria-labelledby={titleId}>
      <h3 id={titleId} className="waiting-title">
        {t('shift.waiting.title')}
      </h3>
      {waiting.length === 0 ? (
        <p className="notice">{t('shift.waiting.none')}</p>
      ) : (
        <>
          <p className="hint">{t('shift.waiting.help')}</p>
          <ul className="waiting-list">
            {waiting.map((item) => (
              <li key={item.transactionId}>
                {t('shift.waiting.item', {
                  id: item.transactionId,
                  amount: formatAmount(item.amount, language),
                  state: resultText(t, item.state)
                })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}
