import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { PublicSettings } from '@shared/contract'
import { ConnectionResult } from './ConnectionResult'
import { LinkSettings } from './LinkSettings'
import { LuxcoreSettings } from './LuxcoreSettings'
import { draftFrom, isOverridden, updateFrom, type SettingsDraft } from './settings-draft'
import type { SettingsField as Field } from './settings-slice'
import { SettingsField } from './SettingsField'
import { useSettings } from './use-settings'
import { ShortcutButton } from '../../shared/keyboard/ShortcutButton'

const environments = ['qa', 'production', 'custom'] as const
const languages = ['es', 'en'] as const

/** Luka connection, who is at the counter, language, LuxCore. Save, then test the connection. */
export function SettingsForm({ settings }: { settings: PublicSettings }) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState<SettingsDraft>(() => draftFrom(settings))
  const saving = useSettings((s) => s.settingsSaving)
  const saved = useSettings((s) => s.settingsSaved)
  const fieldErrors = useSettings((s) => s.fieldErrors)
  const saveSettings = useSettings((s) => s.saveSettings)
  const closeSettings = useSettings((s) => s.closeSettings)
  const form = useRef<HTMLFormElement>(null)

  // The form arrives after the dialog opened (settings.get): bring the focus into it.
  useEffect(() => {
    const editable = 'input:not([disabled]):not([readonly]), select:not([disabled])'
    form.current?.querySelector<HTMLElement>(editable)?.focus()
  }, [])

  // Once saved, the password and the key are main's business: never keep them in the form.
  useEffect(() => {
    if (saved) setDraft((current) => ({ ...current, lukaPassword: '', luxcoreApiKey: '' }))
  }, [saved])

  const fixed = (field: Field): boolean => isOverridden(settings, field)
  const overriddenNote = (field: Field): string | null => (fixed(field) ? t('settings.overridden') : null)
  const set =
    <K extends Field>(field: K) =>
    (value: SettingsDraft[K]): void =>
      setDraft((current) => ({ ...current, [field]: value }))

  const onSubmit = (event: FormEvent): void => {
    event.preventDefault()
    void saveSettings(updateFrom(draft, settings))
  }

  const text = (
    field: 'lukaCustomUrl' | 'lukaUsername' | 'terminal' | 'operator' | 'updateUrl',
    label: string,
    notes: (string | null)[] = []
  ) => (
    <SettingsField label={label} notes={[...notes, overriddenNote(field)]} error={fieldErrors[field]}>
      {(control) => (
        <input
          {...control}
          type={field === 'lukaCustomUrl' || field === 'updateUrl' ? 'url' : 'text'}
          autoComplete="off"
          spellCheck={false}
          readOnly={fixed(field)}
          value={draft[field]}
          onChange={(event) => set(field)(event.target.value)}
        />
      )}
    </SettingsField>
  )

  const passwordBlocked = !settings.encryptionAvailable
  return (
    <form ref={form} className="settings-form" onSubmit={onSubmit} noValidate>
      <SettingsField
        label={t('settings.environment')}
        notes={[
          t('settings.baseUrl', { url: settings.lukaBaseUrl || t('card.none') }),
          overriddenNote('lukaEnvironment')
        ]}
        error={fieldErrors.lukaEnvironment}
      >
        {(control) => (
          <select
            {...control}
            disabled={fixed('lukaEnvironment')}
            value={draft.lukaEnvironment}
            onChange={(event) => set('lukaEnvironment')(event.target.value as SettingsDraft['lukaEnvironment'])}
          >
            {environments.map((environment) => (
              <option key={environment} value={environment}>
                {t(`settings.environments.${environment}`)}
              </option>
            ))}
          </select>
        )}
      </SettingsField>
      {draft.lukaEnvironment === 'custom' && text('lukaCustomUrl', t('settings.customUrl'))}
      {text('lukaUsername', t('settings.username'))}
      <SettingsField
        label={t('settings.password')}
        notes={[
          passwordBlocked ? t('settings.noEncryption') : null,
          settings.hasLukaPassword ? t('settings.passwordSaved') : t('settings.passwordNone'),
          overriddenNote('lukaPassword')
        ]}
        error={fieldErrors.lukaPassword}
      >
        {(control) => (
          <input
            {...control}
            type="password"
            autoComplete="new-password"
            readOnly={fixed('lukaPassword')}
            disabled={passwordBlocked}
            value={draft.lukaPassword}
            onChange={(event) => set('lukaPassword')(event.target.value)}
          />
        )}
      </SettingsField>
      {text('terminal', t('settings.terminal'), [t('settings.terminalHint')])}
      {text('operator', t('settings.operator'))}
      <SettingsField label={t('settings.language')} notes={[overriddenNote('language')]} error={fieldErrors.language}>
        {(control) => (
          <select
            {...control}
            disabled={fixed('language')}
            value={draft.language}
            onChange={(event) => set('language')(event.target.value as SettingsDraft['language'])}
          >
            {languages.map((language) => (
              <option key={language} value={language} lang={language}>
                {t(`settings.languages.${language}`)}
              </option>
            ))}
          </select>
        )}
      </SettingsField>
      <LuxcoreSettings
        settings={settings}
        draft={draft}
        fieldErrors={fieldErrors}
        onChange={(field, value) => set(field)(value)}
      />
      <LinkSettings settings={settings} draft={draft} fieldErrors={fieldErrors} onChange={setDraft} />
      {text('updateUrl', t('settings.updateUrl'), [t('settings.updateUrlHint')])}
      <ConnectionResult />
      <div className="actions">
        <button type="submit" className="button button-approve" disabled={saving}>
          {t('settings.save')}
        </button>
        <ShortcutButton shortcut="cancel" onClick={closeSettings}>
          {t('settings.close')}
        </ShortcutButton>
      </div>
    </form>
  )
}
