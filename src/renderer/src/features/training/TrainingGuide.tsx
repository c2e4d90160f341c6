import { useTranslation } from 'react-i18next'
import { formatAmount } from '../../shared/format'
import { useTraining } from '../../shared/use-training'
import './training.css'

/** The first training screen: one reference to try for each thing a teller meets at the counter. */
export function TrainingGuide() {
  const { t } = useTranslation()
  const state = useTraining((s) => s.trainingState)
  const language = useTraining((s) => s.language)
  if (!state) return null
  const none = t('training.guide.none')

  return (
    <section className="card training-guide" aria-labelledby="training-guide-title">
      <h2 id="training-guide-title">{t('training.guide.title')}</h2>
      <p className="notice">{t('training.guide.lead')}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('training.guide.purpose')}</th>
            <th scope="col">{t('training.guide.reference')}</th>
            <th scope="col">{t('training.guide.amount')}</th>
            <th scope="col">{t('training.guide.payer')}</th>
          </tr>
        </thead>
        <tbody>
          {state.tries.map((item) => (
            <tr key={item.purpose}>
              <td>{t(`training.guide.purposes.${item.purpose}`)}</td>
              <td>
                <code>{item.reference}</code>
              </td>
              <td>{item.amount ? formatAmount(item.amount, language) : none}</td>
              <td>{item.payer ?? none}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
