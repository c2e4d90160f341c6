import { z } from 'zod'
import { validSender } from '../lox24-rules'
import { phoneCountries } from '../phone'
import { hasHiddenChars } from '../lookup-rules'
import { isAllowedProviderUrl } from '../provider-url'
import { LanguageSchema, cleanString, requiredText, shortText } from './common'

/** The app and its settings. */

export const AppInfoSchema = z.object({
  version: z.string(),
  mode: z.enum(['electron', 'harness']),
  terminal: z.string(),
  operator: z.string(),
  language: LanguageSchema,
  /** training mode: simulators instead of providers, separate books (fixed until a restart) */
  training: z.boolean(),
  /** training asked for at start (--training, TAQUILLA_TRAINING): the app cannot leave it */
  trainingForced: z.boolean()
})

export const LukaEnvironmentSchema = z.enum(['qa', 'production', 'custom'])

export const PublicSettingsSchema = z.object({
  lukaEnvironment: LukaEnvironmentSchema,
  lukaCustomUrl: z.string(),
  /** the URL actually used (environment, custom URL or LUKA_BASE_URL) */
  lukaBaseUrl: z.string(),
  lukaUsername: z.string(),
  /** the password itself never leaves main */
  hasLukaPassword: z.boolean(),
  terminal: z.string(),
  operator: z.string(),
  language: LanguageSchema,
  luxcoreBaseUrl: z.string(),
  /** the key itself never leaves main */
  hasLuxcoreApiKey: z.boolean(),
  luxcoreKeyMode: z.enum(['test', 'live', 'unknown']).nullable(),
  /** comma-separated, as in TAQUILLA_LINK_CURRENCIES / TAQUILLA_LINK_METHODS */
  linkCurrencies: z.string(),
  linkMethods: z.string(),
  customerDisplay: z.boolean(),
  lox24BaseUrl: z.string(),
  /** the token itself never leaves main */
  hasLox24Token: z.boolean(),
  lox24Sender: z.string(),
  /** the country a phone number without "+" belongs to */
  lox24Country: z.enum(phoneCountries),
  /** SMS receipts offered after an operation (on by default once a token is set) */
  lox24Receipts: z.boolean(),
  /** low-credit warning threshold, minor units of the account's currency */
  lox24LowCredit: z.number().int(),
  /** the update feed (electron-updater generic provider); '' = no update checks */
  updateUrl: z.string(),
  /** settings fixed by environment variables (read-only in the UI) */
  overridden: z.array(z.string()),
  encryptionAvailable: z.boolean(),
  /** the receipt printer ('' = none: the system print dialog) and its roll width */
  printerName: z.string(),
  paperWidthMm: z.union([z.literal(80), z.literal(58)])
})
export type PublicSettings = z.infer<typeof PublicSettingsSchema>

/**
 * A provider URL typed in the settings: https, or plain http only to this computer (a local
 * test server). Credentials are sent there; the HTTP clients apply the same rule to URLs from
 * the settings file and the environment (provider-url.ts).
 */
const ProviderUrlSchema = z
  .string()
  .trim()
  .max(2048)
  .refine((value) => value === '' || isAllowedProviderUrl(value), { message: 'url' })
  .refine((value) => !hasHiddenChars(value), { message: 'hiddenChars' })

export const SettingsUpdateSchema = z
  .object({
    lukaEnvironment: LukaEnvironmentSchema,
    lukaCustomUrl: ProviderUrlSchema,
    lukaUsername: shortText(200),
    /** write-only; an empty string leaves the stored password as it is */
    lukaPassword: cleanString().max(500),
    terminal: requiredText(100),
    operator: requiredText(100),
    language: LanguageSchema,
    luxcoreBaseUrl: ProviderUrlSchema,
    /** write-only; an empty string leaves the stored key as it is */
    printerName: z.string().trim().max(300),
    paperWidthMm: z.union([z.literal(80), z.literal(58)]),
    linkCurrencies: z
      .string()
      .trim()
      .max(200)
      .refine((value) => /^\s*[A-Za-z]{3}(\s*,\s*[A-Za-z]{3})*\s*$/.test(value), { message: 'currencies' }),
    linkMethods: z
      .string()
      .trim()
      .max(400)
      .refine((value) => value === '' || /^\s*[A-Za-z0-9_.-]+(\s*,\s*[A-Za-z0-9_.-]+)*\s*$/.test(value), {
        message: 'methods'
      }),
    customerDisplay: z.boolean(),
    lox24BaseUrl: ProviderUrlSchema,
    /** write-only, `clientId:apiKey`; an empty string leaves the stored token as it is */
    lox24Token: cleanString()
      .trim()
      .max(500)
      .refine((value) => value === '' || /^[^\s:]+:[^\s]+$/.test(value), { message: 'lox24Token' }),
    lox24Sender: z
      .string()
      .trim()
      .refine((value) => value === '' || validSender(value), { message: 'sender' }),
    lox24Country: z.enum(phoneCountries),
    lox24Receipts: z.boolean(),
    lox24LowCredit: z.number().int().min(0).max(100_000_00),
    luxcoreApiKey: cleanString().trim().max(500),
    updateUrl: ProviderUrlSchema
  })
  .partial()
export type SettingsUpdate = z.infer<typeof SettingsUpdateSchema>

/** A printer the OS offers (webContents.getPrintersAsync). */
export const PrinterSchema = z.object({
  name: z.string(),
  displayName: z.string()
})
export type Printer = z.infer<typeof PrinterSchema>

/** What can go to the receipt printer: the documents of print.css, the LuxCore voucher, the test page. */
export const PrintTargetSchema = z.enum(['receipt', 'reprint', 'zreport', 'xreport', 'link', 'voucher', 'test'])

export const PrintRequestSchema = z.object({
  target: PrintTargetSchema,
  /** the document's height as laid out for the roll, so the page is as long as the paper used */
  heightMm: z.number().positive().max(5_000).optional(),
  /** Test print from the settings form: the printer and roll being chosen, not yet saved */
  printer: z
    .object({ name: z.string().min(1).max(300), paperWidthMm: z.union([z.literal(80), z.literal(58)]) })
    .optional()
})

/** Damage found in a data file at start-up, and the copy kept of it before any repair. */
export const StorageDamageSchema = z.object({
  /** the file's path */
  file: z.string(),
  /**
   * torn: a last line cut by an interrupted write; damaged: unreadable lines; cut: the file is
   * shorter than what was written to it; missing: a file that was written is gone; replaced:
   * something else (a directory) stands where the file was
   */
  kind: z.enum(['torn', 'damaged', 'cut', 'missing', 'replaced']),
  /** the copy kept aside (`<name>.corrupt-<time>`), or null when there was nothing to copy */
  keptAs: z.string().nullable(),
  /** lines that could not be read */
  lines: z.number().int().nonnegative(),
  at: z.string()
})
export type StorageDamage = z.infer<typeof StorageDamageSchema>

/** The app-wide warning: damage found, and whether the disk refuses writes now. */
export const StorageStatusSchema = z.object({
  damages: z.array(StorageDamageSchema),
  unwritable: z.object({ file: z.string(), reason: z.string() }).nullable()
})
export type StorageStatus = z.infer<typeof StorageStatusSchema>

/**
 * The app's own updates. `waiting` says why a downloaded update is not installed yet: it is
 * installed only with no shift open and an empty outbox (on quit, or when the teller asks).
 */
export const UpdateStatusSchema = z.object({
  state: z.enum(['off', 'checking', 'current', 'downloading', 'ready', 'installing', 'failed']),
  version: z.string().nullable(),
  /** 0–100 while downloading */
  percent: z.number().min(0).max(100).nullable(),
  waiting: z.enum(['shiftOpen', 'outboxNotEmpty']).nullable(),
  /** why the last check or download failed: the feed unreachable, or a file that did not match its sha512 */
  failure: z.enum(['feedDown', 'integrity', 'other']).nullable()
})
export type UpdateStatus = z.infer<typeof UpdateStatusSchema>
