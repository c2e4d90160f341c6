import type { Language, PublicSettings, SettingsUpdate } from '@shared/contract'
import { AppFailure } from '@shared/errors'
import type { KeyValueStore, SecretStore } from './storage'

/** api-notes.md, Luka base URLs. */
export const LUKA_URLS = {
  qa: 'https://bspaycoapi-qa.payco.net.ve',
  production: 'https://lukaapi.payco.net.ve'
} as const

export type LukaEnvironment = 'qa' | 'production' | 'custom'

interface StoredSettings {
  lukaEnvironment: LukaEnvironment
  lukaCustomUrl: string
  lukaUsername: string
  terminal: string
  operator: string
  language: Language
}

const DEFAULTS: StoredSettings = {
  lukaEnvironment: 'qa',
  lukaCustomUrl: '',
  lukaUsername: '',
  terminal: '',
  operator: '',
  language: 'es'
}

/**
 * Environment variables that override settings, for provisioning agency PCs and for tests.
 * Key: the PublicSettings field it fixes.
 */
export const ENV_OVERRIDES = {
  lukaBaseUrl: 'LUKA_BASE_URL',
  lukaUsername: 'LUKA_USERNAME',
  lukaPassword: 'LUKA_PASSWORD',
  terminal: 'TAQUILLA_TERMINAL',
  operator: 'TAQUILLA_OPERATOR',
  language: 'TAQUILLA_LANG'
} as const

export type Env = Record<string, string | undefined>

/** What the services run with: settings, then env overrides on top. Secrets included — main only. */
export interface EffectiveConfig {
  luka: { baseUrl: string; username: string; password: string }
  terminal: string
  operator: string
  language: Language
}

const isLanguage = (value: unknown): value is Language => value === 'es' || value === 'en'

export class SettingsService {
  private readonly listeners = new Set<() => void>()

  constructor(
    private readonly store: KeyValueStore,
    private readonly secrets: SecretStore,
    private readonly env: Env
  ) {}

  private stored(): StoredSettings {
    const raw = this.store.get('settings')
    const value = typeof raw === 'object' && raw !== null ? (raw as Partial<StoredSettings>) : {}
    return {
      lukaEnvironment: ['qa', 'production', 'custom'].includes(value.lukaEnvironment as string)
        ? (value.lukaEnvironment as LukaEnvironment)
        : DEFAULTS.lukaEnvironment,
      lukaCustomUrl: typeof value.lukaCustomUrl === 'string' ? value.lukaCustomUrl : DEFAULTS.lukaCustomUrl,
      lukaUsername: typeof value.lukaUsername === 'string' ? value.lukaUsername : DEFAULTS.lukaUsername,
      terminal: typeof value.terminal === 'string' ? value.terminal : DEFAULTS.terminal,
      operator: typeof value.operator === 'string' ? value.operator : DEFAULTS.operator,
      language: isLanguage(value.language) ? value.language : DEFAULTS.language
    }
  }

  private envValue(name: keyof typeof ENV_OVERRIDES): string | undefined {
    const value = this.env[ENV_OVERRIDES[name]]?.trim()
    if (!value) return undefined
    if (name === 'language' && !isLanguage(value)) return undefined
    return value
  }

  effective(): EffectiveConfig {
    const stored = this.stored()
    const storedUrl =
      stored.lukaEnvironment === 'custom' ? stored.lukaCustomUrl : LUKA_URLS[stored.lukaEnvironment]
    return {
      luka: {
        baseUrl: this.envValue('lukaBaseUrl') ?? storedUrl,
        username: this.envValue('lukaUsername') ?? stored.lukaUsername,
        password: this.envValue('lukaPassword') ?? this.secrets.get('lukaPassword') ?? ''
      },
      terminal: this.envValue('terminal') ?? stored.terminal,
      operator: this.envValue('operator') ?? stored.operator,
      language: (this.envValue('language') as Language | undefined) ?? stored.language
    }
  }

  /** Everything the renderer may know. The password is reduced to "is there one". */
  publicView(): PublicSettings {
    const stored = this.stored()
    const effective = this.effective()
    return {
      lukaEnvironment: stored.lukaEnvironment,
      lukaCustomUrl: stored.lukaCustomUrl,
      lukaBaseUrl: effective.luka.baseUrl,
      lukaUsername: effective.luka.username,
      hasLukaPassword: effective.luka.password !== '',
      terminal: effective.terminal,
      operator: effective.operator,
      language: effective.language,
      overridden: (Object.keys(ENV_OVERRIDES) as (keyof typeof ENV_OVERRIDES)[]).filter(
        (name) => this.envValue(name) !== undefined
      ),
      encryptionAvailable: this.secrets.available
    }
  }

  /**
   * Applies a validated update. The password goes to the SecretStore or nowhere: with no
   * encryption available this throws ENCRYPTION_UNAVAILABLE before anything is changed.
   */
  update(update: SettingsUpdate): PublicSettings {
    const { lukaPassword, ...plain } = update
    if (lukaPassword && !this.secrets.available) {
      throw new AppFailure({ code: 'ENCRYPTION_UNAVAILABLE' })
    }
    if (lukaPassword) this.secrets.set('lukaPassword', lukaPassword)
    const next: StoredSettings = { ...this.stored() }
    for (const [key, value] of Object.entries(plain)) {
      if (value !== undefined) (next as unknown as Record<string, unknown>)[key] = value
    }
    this.store.set('settings', next)
    for (const listener of this.listeners) listener()
    return this.publicView()
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
