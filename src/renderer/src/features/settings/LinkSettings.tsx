import type { Dispatch, SetStateAction } from 'react'
import { useTranslation } from 'react-i18next'
import type { PublicSettings } from '@shared/contract'
import { isOverridden, type SettingsDraft } from './settings-draft'
import type { SettingsSlice } from './settings-slice'
import { SettingsField } from './SettingsField'

interface Props {
  settings: PublicSettings
  draft: SettingsDraft
  fieldErrors: SettingsSlice['fieldErrors']
  onChange: Dispatch<SetStateAction<SettingsDraft>>
}

/** Payment links: the merchant's currencies and method keys (luka-payment-link.txt), and the customer display. */
export function LinkSettings({ settings, draft, fieldErrors, onChange }: Props) {
  const { t } = useTranslation()
  const overridden = (field: 'linkCurrencies' | 'linkMethods' | 'customerDisplay'): string | null =>
    isOverridden(settings, field) ? t('settings.overridden') : null
  const text = (field: 'linkCurrencies' | 'linkMethods', hint: string) => (
    <SettingsField label={t(`settings.${field}`)} notes={[hint, overridden(field)]} error={fieldErrors[field]}>
      {(control) => (
        <input
          {...control}
          type="text"
          autoComplete="off"
          spellCheck={false}
          readOnly={isOverridden(settings, field)}
          value={draft[field]}
          onChange={(event) => onChange((current) => ({ ...current, [field]: event.target.value }))}
        />
      )}
    </SettingsField>
  )
  return (
    <fieldset className="settings-group">
      <legend>{t('settings.linkGroup')}</legend>
      {text('linkCurrencies', t('settings.linkCurrenciesHint'))}
      {text('linkMethods', t('settings.linkMethodsHint'))}
      <SettingsField
        label={t('settings.customerDisplay')}
        notes={[t('settings.customerDisplayHint'), overridden('customerDisplay')]}
        error={fieldErrors.customerDisplay}
      >
        {(control) => (
          <input
            {...control}
            type="checkbox"
            disabled={isOverridden(settings, 'customerDisplay')}
            checked={draft.customerDisplay}
            onChange={(event) => onChange((current) => ({ ...current, customerDisplay: event.target.checked }))}
          />
        )}
      </SettingsField>
    </fieldset>
  )
}
