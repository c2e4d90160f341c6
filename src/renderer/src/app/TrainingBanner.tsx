import { useTranslation } from 'react-i18next'
import { useApp } from './use-app'

/** Across the top of every screen while training: nothing here is a real payment. */
export function TrainingBanner() {
  const { t } = useTranslation()
  const training = useApp((s) => s.appInfo?.training ?? false)
  if (!training) return null
  return (
    <p className="training-banner" role="note">
      {t('training.banner')}
    </p>
  )
}
