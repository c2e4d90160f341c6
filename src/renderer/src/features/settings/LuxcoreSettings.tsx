import { useTranslation } from 'react-i18next'
import type { PublicSettings } from '@shared/contract'
import { isOverridden, type SettingsDraft } from './settings-draft'
import type { SettingsSlice } from './settings-slice'
import { SettingsField } from './SettingsField'

interface Props {
  settings: PublicSettings
  draft: SettingsDraft
  fieldErrors: SettingsSlice['fieldErrors']
  onChange: (field: 'luxcoreBaseUrl' | 'luxcoreApiKey', value: string) => void
}

/**
 * LuxCore's URL and API key. The key is write-only, like Luka's password: the form starts
 * empty, empty keeps the stored key, and only "is there one, test or live" comes back.
 */
export function LuxcoreSettings({ settings, draft, fieldErrors, onChange }: Props) {
  const { t } = useTranslation()
  const overridden = (field: 'luxcoreBaseUrl' | 'luxcoreApiKey'): string | null =>
    isOverridden(settings, field) ? t('settings.overridden') : null
  const keyBlocked = !settings.encryptionAvailable
  const keyNote = settings.hasLuxcoreApiKey
    ? t('settings.luxcoreKeySaved', { mode: t(`settings.luxcoreKeyModes.${settings.luxcoreKeyMode ?? 'unknown'}`) })
    : t('settings.luxcoreKeyNone')

  return (
    <fieldset className="settings-group">
      <legend>{t('settings.luxcore')}</legend>
      <SettingsField
        label={t('settings.luxcoreUrl')}
        notes={[t('settings.luxcoreUrlHint'), overridden('luxcoreBaseUrl')]}
        error={fieldErrors.luxcoreBaseUrl}
      >
        {(control) => (
          <input
            {...control}
            type="url"
            autoComplete="off"
            spellCheck={false}
            readOnly={isOverridden(settings, 'luxcoreBaseUrl')}
            value={draft.luxcoreBaseUrl}
            onChange={(event) => onChange('luxcoreBaseUrl', event.target.value)}
          />
        )}
      </SettingsField>
      <SettingsField
        label={t('settings.luxcoreKey')}
        notes={[keyBlocked ? t('settings.luxcoreNoEncryption') : null, keyNote, overridden('luxcoreApiKey')]}
        error={fieldErrors.luxcoreApiKey}
      >
        {(control) => (
          <input
            {...control}
            type="password"
            autoComplete="new-password"
            spellCheck={false}
            readOnly={isOverridden(settings, 'luxcoreApiKey')}
            disabled={keyBlocked}
            value={draft.luxcoreApiKey}
            onChange={(event) => onChange('luxcoreApiKey', event.target.value)}
          />
        )}
      </SettingsField>
    </fieldset>
  )
}
