import { z } from 'zod'
import { LanguageSchema, shortText } from './common'

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
  /** the update feed (electron-updater generic provider); '' = no update checks */
  updateUrl: z.string(),
  /** settings fixed by environment variables (read-only in the UI) */
  overridden: z.array(z.string()),
  encryptionAvailable: z.boolean()
})
export type PublicSettings = z.infer<typeof PublicSettingsSchema>

/**
 * A provider URL typed in the settings: https, or plain http only to this computer (a local
 * test server). Credentials are sent there, so nothing else is accepted from the UI;
 * provisioning can still set any URL with LUKA_BASE_URL / LUXCORE_BASE_URL.
 */
const ProviderUrlSchema = z
  .string()
  .trim()
  .max(2048)
  .refine(
    (value) =>
      value === '' ||
      /^https:\/\/[^\s]+$/i.test(value) ||
      /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?(\/[^\s]*)?$/i.test(value),
    {
      message: 'url'
    }
  )

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
    updateUrl: ProviderUrlSchema
  })
  .partial()
export type SettingsUpdate = z.infer<typeof SettingsUpdateSchema>

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
