import { z } from 'zod'
import { isAllowedProviderUrl } from '../provider-url'
import { LanguageSchema, shortText } from './common'

/** The app and its settings. */

export const AppInfoSchema = z.object({
  version: z.string(),
  mode: z.enum(['electron', 'harness']),
  terminal: z.string(),
  operator: z.string(),
  language: LanguageSchema
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

export const SettingsUpdateSchema = z
  .object({
    lukaEnvironment: LukaEnvironmentSchema,
    lukaCustomUrl: ProviderUrlSchema,
    lukaUsername: shortText(200),
    /** write-only; an empty string leaves the stored password as it is */
    lukaPassword: z.string().max(500),
    terminal: shortText(100),
    operator: shortText(100),
    language: LanguageSchema,
    luxcoreBaseUrl: ProviderUrlSchema,
    /** write-only; an empty string leaves the stored key as it is */
    luxcoreApiKey: z.string().trim().max(500),
    printerName: z.string().trim().max(300),
    paperWidthMm: z.union([z.literal(80), z.literal(58)]),
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
export const PrintTargetSchema = z.enum(['receipt', 'reprint', 'zreport', 'voucher', 'test'])

export const PrintRequestSchema = z.object({
  target: PrintTargetSchema,
  /** the document's height as laid out for the roll, so the page is as long as the paper used */
  heightMm: z.number().positive().max(5_000).optional(),
  /** Test print from the settings form: the printer and roll being chosen, not yet saved */
  printer: z
    .object({ name: z.string().min(1).max(300), paperWidthMm: z.union([z.literal(80), z.literal(58)]) })
    .optional()
})

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
