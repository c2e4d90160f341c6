import { useTranslation } from 'react-i18next'
import type { PublicSettings } from '@shared/contract'
import { isOverridden, type SettingsDraft } from './settings-draft'
import type { SettingsField as Field, SettingsSlice } from './settings-slice'
import { SettingsField } from './SettingsField'

type Lox24Field = 'lox24BaseUrl' | 'lox24Token' | 'lox24Sender' | 'lox24Country' | 'lox24Receipts' | 'lox24LowCredit'

interface Props {
  settings: PublicSettings
  draft: SettingsDraft
  fieldErrors: SettingsSlice['fieldErrors']
  onChange: <K extends Lox24Field>(field: K, value: SettingsDraft[K]) => void
}

/**
 * LOX24 (SMS receipts and the SMS credit): URL, token (write-only, like the LuxCore key),
 * sender, the country of numbers typed without "+", receipts on/off, the low-credit warning.
 */
export function Lox24Settings({ settings, draft, fieldErrors, onChange }: Props) {
  const { t } = useTranslation()
  const fixed = (field: Field) => isOverridden(settings, field)
  const note = (field: Field) => (fixed(field) ? t('settings.overridden') : null)
  const blocked = !settings.encryptionAvailable
  const text = (field: 'lox24BaseUrl' | 'lox24Sender' | 'lox24LowCredit', label: string, hint: string | null) => (
    <SettingsField label={label} notes={[hint, note(field)]} error={fieldErrors[field]}>
      {(control) => (
        <input
          {...control}
          type={field === 'lox24BaseUrl' ? 'url' : 'text'}
          inputMode={field === 'lox24LowCredit' ? 'decimal' : undefined}
          autoComplete="off"
          spellCheck={false}
          readOnly={fixed(field)}
          value={draft[field]}
          onChange={(event) => onChange(field, event.target.value)}
        />
      )}
    </SettingsField>
  )
  return (
    <fieldset className="settings-group">
      <legend>{t('lox24.settings.legend')}</legend>
      {text('lox24BaseUrl', t('lox24.settings.url'), t('lox24.settings.urlHint'))}
      <SettingsField
        label={t('lox24.settings.token')}
        notes={[
          blocked ? t('lox24.settings.noEncryption') : null,
          t('lox24.settings.tokenHint'),
          settings.hasLox24Token ? t('lox24.settings.tokenSaved') : t('lox24.settings.tokenNone'),
          note('lox24Token')
        ]}
        error={fieldErrors.lox24Token}
      >
        {(control) => (
          <input
            {...control}
            type="password"
            autoComplete="new-password"
            spellCheck={false}
            readOnly={fixed('lox24Token')}
            disabled={blocked}
            value={draft.lox24Token}
            onChange={(event) => onChange('lox24Token', event.target.value)}
          />
        )}
      </SettingsField>
      {text('lox24Sender', t('lox24.settings.sender'), t('lox24.settings.senderHint'))}
      <SettingsField
        label={t('lox24.settings.country')}
        notes={[note('lox24Country')]}
        error={fieldErrors.lox24Country}
      >
        {(control) => (
          <select
            {...control}
            disabled={fixed('lox24Country')}
            value={draft.lox24Country}
            onChange={(event) => onChange('lox24Country', event.target.value as SettingsDraft['lox24Country'])}
          >
            {(['VE', 'MX'] as const).map((country) => (
              <option key={country} value={country}>
                {t(`lox24.settings.countries.${country}`)}
              </option>
            ))}
          </select>
        )}
      </SettingsField>
      <SettingsField label={t('lox24.settings.receipts')} notes={[note('lox24Receipts')]}>
        {(control) => (
          <input
            {...control}
            type="checkbox"
            disabled={fixed('lox24Receipts')}
            checked={draft.lox24Receipts}
            onChange={(event) => onChange('lox24Receipts', event.target.checked)}
          />
        )}
      </SettingsField>
      {text('lox24LowCredit', t('lox24.settings.lowCredit'), t('lox24.settings.supervisor'))}
    </fieldset>
  )
}
