import type { PublicSettings, SettingsUpdate } from '@shared/contract'
import type { SettingsField } from './settings-slice'

/** The form's working copy. The password starts empty: empty means "keep the stored one". */
export type SettingsDraft = Required<SettingsUpdate>

/** Which `PublicSettings.overridden` entry fixes each form field (LUKA_BASE_URL fixes both URL fields). */
const overrideKey: Record<SettingsField, string> = {
  lukaEnvironment: 'lukaBaseUrl',
  lukaCustomUrl: 'lukaBaseUrl',
  lukaUsername: 'lukaUsername',
  lukaPassword: 'lukaPassword',
  terminal: 'terminal',
  operator: 'operator',
  language: 'language'
}

export function isOverridden(settings: PublicSettings, field: SettingsField): boolean {
  return settings.overridden.includes(overrideKey[field])
}

export function draftFrom(settings: PublicSettings): SettingsDraft {
  return {
    lukaEnvironment: settings.lukaEnvironment,
    lukaCustomUrl: settings.lukaCustomUrl,
    lukaUsername: settings.lukaUsername,
    lukaPassword: '',
    terminal: settings.terminal,
    operator: settings.operator,
    language: settings.language
  }
}

/** Only what the teller may change: overridden fields stay out, an empty password stays out. */
export function updateFrom(draft: SettingsDraft, settings: PublicSettings): SettingsUpdate {
  const update: SettingsUpdate = {}
  const editable = (field: SettingsField): boolean => !isOverridden(settings, field)
  if (editable('lukaEnvironment')) update.lukaEnvironment = draft.lukaEnvironment
  if (editable('lukaCustomUrl')) update.lukaCustomUrl = draft.lukaCustomUrl.trim()
  if (editable('lukaUsername')) update.lukaUsername = draft.lukaUsername.trim()
  if (editable('lukaPassword') && settings.encryptionAvailable && draft.lukaPassword !== '') {
    update.lukaPassword = draft.lukaPassword
  }
  if (editable('terminal')) update.terminal = draft.terminal.trim()
  if (editable('operator')) update.operator = draft.operator.trim()
  if (editable('language')) update.language = draft.language
  return update
}
