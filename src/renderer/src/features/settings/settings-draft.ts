import type { PublicSettings, SettingsUpdate } from '@shared/contract'
import { minorToDecimal, parseAmountInput } from '@shared/money'
import type { SettingsField } from './settings-slice'

/** The form's working copy. The password and the key start empty: empty means "keep the stored one". */
export type SettingsDraft = Omit<Required<SettingsUpdate>, 'lox24LowCredit' | 'approval'> & {
  /** typed as money (major units) */
  lox24LowCredit: string
}

/** Which `PublicSettings.overridden` entry fixes each form field (LUKA_BASE_URL fixes both URL fields). */
const overrideKey: Record<SettingsField, string> = {
  linkCurrencies: 'linkCurrencies',
  linkMethods: 'linkMethods',
  customerDisplay: 'customerDisplay',
  lukaEnvironment: 'lukaBaseUrl',
  lukaCustomUrl: 'lukaBaseUrl',
  lukaUsername: 'lukaUsername',
  lukaPassword: 'lukaPassword',
  terminal: 'terminal',
  operator: 'operator',
  language: 'language',
  luxcoreBaseUrl: 'luxcoreBaseUrl',
  luxcoreApiKey: 'luxcoreApiKey',
  lox24BaseUrl: 'lox24BaseUrl',
  lox24Token: 'lox24Token',
  lox24Sender: 'lox24Sender',
  lox24Country: 'lox24Country',
  lox24Receipts: 'lox24Receipts',
  lox24LowCredit: 'lox24LowCredit',
  printerName: 'printerName',
  paperWidthMm: 'paperWidthMm',
  updateUrl: 'updateUrl'
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
    language: settings.language,
    luxcoreBaseUrl: settings.luxcoreBaseUrl,
    luxcoreApiKey: '',
    printerName: settings.printerName,
    paperWidthMm: settings.paperWidthMm,
    linkCurrencies: settings.linkCurrencies,
    linkMethods: settings.linkMethods,
    customerDisplay: settings.customerDisplay,
    lox24BaseUrl: settings.lox24BaseUrl,
    lox24Token: '',
    lox24Sender: settings.lox24Sender,
    lox24Country: settings.lox24Country,
    lox24Receipts: settings.lox24Receipts,
    lox24LowCredit: minorToDecimal(settings.lox24LowCredit, 2),
    updateUrl: settings.updateUrl
  }
}

/**
 * Only what the teller may change: overridden fields stay out, an empty password or key stays
 * out. The LuxCore URL goes only when changed: settings show the URL in force (the default
 * included), and saving it back would pin today's default.
 */
export function updateFrom(draft: SettingsDraft, settings: PublicSettings): SettingsUpdate {
  const update: SettingsUpdate = {}
  const editable = (field: SettingsField): boolean => !isOverridden(settings, field)
  if (editable('lukaEnvironment')) update.lukaEnvironment = draft.lukaEnvironment
  if (editable('lukaCustomUrl')) update.lukaCustomUrl = draft.lukaCustomUrl.trim()
  if (editable('lukaUsername')) update.lukaUsername = draft.lukaUsername.trim()
  if (editable('lukaPassword') && settings.encryptionAvailable && draft.lukaPassword !== '') {
    update.lukaPassword = draft.lukaPassword
  }
  // terminal and operator may not be blanked (the contract refuses it), but a first save that
  // leaves them empty as they were must still go through
  const named = (field: 'terminal' | 'operator') => {
    const value = draft[field].trim()
    if (editable(field) && (value !== '' || settings[field] !== '')) update[field] = value
  }
  named('terminal')
  named('operator')
  if (editable('language')) update.language = draft.language
  const luxcoreBaseUrl = draft.luxcoreBaseUrl.trim()
  if (editable('luxcoreBaseUrl') && luxcoreBaseUrl !== settings.luxcoreBaseUrl) update.luxcoreBaseUrl = luxcoreBaseUrl
  const luxcoreApiKey = draft.luxcoreApiKey.trim()
  if (editable('luxcoreApiKey') && settings.encryptionAvailable && luxcoreApiKey !== '')
    update.luxcoreApiKey = luxcoreApiKey
  if (draft.printerName !== settings.printerName) update.printerName = draft.printerName
  if (draft.paperWidthMm !== settings.paperWidthMm) update.paperWidthMm = draft.paperWidthMm
  // like the LuxCore URL: sent only when changed, so saving never pins today's default
  const changed = (field: 'linkCurrencies' | 'linkMethods' | 'customerDisplay', value: string | boolean) =>
    editable(field) && value !== settings[field]
  if (changed('linkCurrencies', draft.linkCurrencies.trim())) update.linkCurrencies = draft.linkCurrencies.trim()
  if (changed('linkMethods', draft.linkMethods.trim())) update.linkMethods = draft.linkMethods.trim()
  if (changed('customerDisplay', draft.customerDisplay)) update.customerDisplay = draft.customerDisplay
  const lox24BaseUrl = draft.lox24BaseUrl.trim()
  if (editable('lox24BaseUrl') && lox24BaseUrl !== settings.lox24BaseUrl) update.lox24BaseUrl = lox24BaseUrl
  const lox24Token = draft.lox24Token.trim()
  if (editable('lox24Token') && settings.encryptionAvailable && lox24Token !== '') update.lox24Token = lox24Token
  // the LOX24 fields go only when changed, so a save elsewhere in the form leaves them be
  const lox24Sender = draft.lox24Sender.trim()
  if (editable('lox24Sender') && lox24Sender !== settings.lox24Sender) update.lox24Sender = lox24Sender
  if (editable('lox24Country') && draft.lox24Country !== settings.lox24Country) update.lox24Country = draft.lox24Country
  if (editable('lox24Receipts') && draft.lox24Receipts !== settings.lox24Receipts)
    update.lox24Receipts = draft.lox24Receipts
  const low = parseAmountInput(draft.lox24LowCredit, 'EUR')
  if (editable('lox24LowCredit') && 'minor' in low && low.minor !== settings.lox24LowCredit)
    update.lox24LowCredit = low.minor
  const updateUrl = draft.updateUrl.trim()
  if (editable('updateUrl') && updateUrl !== settings.updateUrl) update.updateUrl = updateUrl
  return update
}
