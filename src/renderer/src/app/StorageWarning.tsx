import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { StorageStatus, TaquillaApi } from '@shared/contract'

/**
 * The app-wide storage warning: every data file found damaged at start (with the copy kept
 * aside) and a disk that refuses writes. It stays on screen above everything else; what is
 * already shown stays readable, and main refuses new decisions and deposits meanwhile.
 */
export function StorageWarning({ api }: { api: TaquillaApi }) {
  const { t } = useTranslation()
  const [status, setStatus] = useState<StorageStatus | null>(null)

  useEffect(() => {
    let live = true
    void api['app.storage'](undefined).then((result) => {
      if (live && result.ok) setStatus(result.value)
    })
    const off = api.events['storage.changed']((next) => setStatus(next))
    return () => {
      live = false
      off()
    }
  }, [api])

  if (!status || (status.damages.length === 0 && !status.unwritable)) return null
  return (
    <div className="banner storage-warning" role="alert" aria-label={t('storage.title')}>
      <p>
        <strong>{t('storage.title')}</strong>
      </p>
      {status.unwritable && <p>{t('errors.unwritable', status.unwritable)}</p>}
      <ul>
        {status.damages.map((damage) => (
          <li key={`${damage.file}-${damage.at}`}>
            {t(`storage.damage.${damage.kind}`, { file: damage.file })}{' '}
            {damage.keptAs ? t('storage.keptAs', { keptAs: damage.keptAs }) : t('storage.nothingKept')}
          </li>
        ))}
      </ul>
    </div>
  )
}
