import { useTranslation } from 'react-i18next'
import { useDocuments } from './use-documents'

/** On every document printed or saved in training mode: no one may take it for a real one. */
export function TrainingMark() {
  const { t } = useTranslation()
  const training = useDocuments((s) => s.appInfo?.training ?? false)
  if (!training) return null
  return <p className="training-mark">{t('training.banner')}</p>
}
