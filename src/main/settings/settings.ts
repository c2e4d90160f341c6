import { randomBytes } from 'node:crypto'
import type { Language, PublicSettings, SettingsUpdate } from '@shared/contract'
import { AppFailure } from '@shared/errors'
import { parseCurrencyList, parseMethodList } from '@shared/link-rules'
import type { KeyValueStore, SecretStore } from './storage'

/** api-notes.md, Luka base URLs. */
export const LUKA_URLS = {
  qa: 'https://bspaycoapi-qa.payco.net.ve',
  production: 'https://lukaapi.payco.net.ve'
} as const

export type LukaEnvironment = 'qa' | 'production' | 'custom'

/** api-notes.md, LuxCore base URL (test and live keys use the same host). */
export const LUXCORE_URL = 'https://api.lux-core.io/api/v1'

/** api-notes.md: test keys `qp_test_sk_` (older `qp_test_`), live keys `qp_prod_sk_`. */
export function luxcoreKeyMode(key: string): 'test' | 'live' | 'unknown' | null {
  if (key === '') return null
  if (key.startsWith('qp_test_')) return 'test'
  if (key.startsWith('qp_prod_')) return 'live'
  return 'unknown'
}

interface StoredSettings {
  lukaEnvironment: LukaEnvironment
  lukaCustomUrl: string
  lukaUsername: string
  terminal: string
  operator: string
  language: Language
  luxcoreBaseUrl: string
  /** Luka payment links: the merchant's currencies (first preselected) and payment-method keys */
  linkCurrencies: string
  linkMethods: string
  customerDisplay: boolean
  updateUrl: string
}

/** luka-payment-link.txt: currencies and methods are the merchant's configuration, not documented tables. */
export const DEFAULT_LINK_CURRENCIES = 'USD,VES'

const DEFAULTS: StoredSettings = {
  lukaEnvironment: 'qa',
  lukaCustomUrl: '',
  lukaUsername: '',
  terminal: '',
  operator: '',
  language: 'es',
  luxcoreBaseUrl: '',
  linkCurrencies: DEFAULT_LINK_CURRENCIES,
  linkMethods: '',
  customerDisplay: false,
  updateUrl: ''
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
  language: 'TAQUILLA_LANG',
  luxcoreBaseUrl: 'LUXCORE_BASE_URL',
  luxcoreApiKey: 'LUXCORE_API_KEY',
  linkCurrencies: 'TAQUILLA_LINK_CURRENCIES',
  linkMethods: 'TAQUILLA_LINK_METHODS',
  customerDisplay: 'TAQUILLA_CUSTOMER_DISPLAY',
  updateUrl: 'TAQUILLA_UPDATE_URL'
} as const

export type Env = Record<string, string | undefined>

/** What the services run with: settings, then env overrides on top. Secrets included — main only. */
export interface EffectiveConfig {
  luka: { baseUrl: string; username: string; password: string }
  terminal: string
  operator: string
  language: Language
  luxcore: { baseUrl: string; apiKey: string }
  link: { currencies: string[]; methods: string[] }
  customerDisplay: boolean
  /** the update feed; '' = no update checks */
  updateUrl: string
}

const isLanguage = (value: unknown): value is Language => value === 'es' || value === 'en'

const storedLukaUrl = (stored: StoredSettings): string =>
  stored.lukaEnvironment === 'custom' ? stored.lukaCustomUrl : LUKA_URLS[stored.lukaEnvironment]

/** The configured currencies, or the default ones when none of the text reads as a currency. */
const linkCurrencies = (text: string): string[] => {
  const codes = parseCurrencyList(text)
  return codes.length > 0 ? codes : parseCurrencyList(DEFAULT_LINK_CURRENCIES)
}

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
      language: isLanguage(value.language) ? value.language : DEFAULTS.language,
      luxcoreBaseUrl: typeof value.luxcoreBaseUrl === 'string' ? value.luxcoreBaseUrl : DEFAULTS.luxcoreBaseUrl,
      linkCurrencies: typeof value.linkCurrencies === 'string' ? value.linkCurrencies : DEFAULTS.linkCurrencies,
      linkMethods: typeof value.linkMethods === 'string' ? value.linkMethods : DEFAULTS.linkMethods,
      customerDisplay: typeof value.customerDisplay === 'boolean' ? value.customerDisplay : DEFAULTS.customerDisplay,
      updateUrl: typeof value.updateUrl === 'string' ? value.updateUrl : DEFAULTS.updateUrl
    }
  }

  private envValue(name: keyof typeof ENV_OVERRIDES): string | undefined {
    const value = this.env[ENV_OVERRIDES[name]]?.trim()
    if (!value) return undefined
    if (name === 'language' && !isLanguage(value)) return undefined
    if (name === 'customerDisplay' && value !== '1' && value !== '0') return undefined
    return value
  }

  effective(): EffectiveConfig {
    const stored = this.stored()
    return {
      luka: {
        baseUrl: this.envValue('lukaBaseUrl') ?? storedLukaUrl(stored),
        username: this.envValue('lukaUsername') ?? stored.lukaUsername,
        password: this.envValue('lukaPassword') ?? this.secrets.get('lukaPassword') ?? ''
      },
      terminal: this.envValue('terminal') ?? stored.terminal,
      operator: this.envValue('operator') ?? stored.operator,
      language: (this.envValue('language') as Language | undefined) ?? stored.language,
      luxcore: {
        baseUrl: this.envValue('luxcoreBaseUrl') ?? (stored.luxcoreBaseUrl || LUXCORE_URL),
        apiKey: this.envValue('luxcoreApiKey') ?? this.secrets.get('luxcoreApiKey') ?? ''
      },
      link: {
        currencies: linkCurrencies(this.envValue('linkCurrencies') ?? stored.linkCurrencies),
        methods: parseMethodList(this.envValue('linkMethods') ?? stored.linkMethods)
      },
      customerDisplay: (this.envValue('customerDisplay') ?? (stored.customerDisplay ? '1' : '0')) === '1',
      updateUrl: this.envValue('updateUrl') ?? stored.updateUrl
    }
  }

  /**
   * A random ID made once per installation (6 characters, no look-alikes), so references this
   * counter makes (LuxCore merchant_reference) are unique however the counters are labelled.
   */
  installId(): string {
    const stored = this.store.get('installId')
    if (typeof stored === 'string' && /^[A-Z2-9]{6}$/.test(stored)) return stored
    const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
    const id = Array.from(randomBytes(6), (byte) => alphabet[byte % alphabet.length]).join('')
    this.store.set('installId', id)
    return id
  }

  /** Every secret in force, for log scrubbing: the Luka password and the LuxCore key. */
  secretValues(): string[] {
    const { luka, luxcore } = this.effective()
    return [luka.password, luxcore.apiKey].filter((value) => value !== '')
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
      luxcoreBaseUrl: effective.luxcore.baseUrl,
      hasLuxcoreApiKey: effective.luxcore.apiKey !== '',
      luxcoreKeyMode: luxcoreKeyMode(effective.luxcore.apiKey),
      linkCurrencies: effective.link.currencies.join(','),
      linkMethods: effective.link.methods.join(','),
      customerDisplay: effective.customerDisplay,
      updateUrl: effective.updateUrl,
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
    const { lukaPassword, luxcoreApiKey, ...plain } = update
    if ((lukaPassword || luxcoreApiKey) && !this.secrets.available) {
      throw new AppFailure({ code: 'ENCRYPTION_UNAVAILABLE' })
    }
    const before = this.stored()
    const next: StoredSettings = { ...before }
    for (const [key, value] of Object.entries(plain)) {
      if (value !== undefined) (next as unknown as Record<string, unknown>)[key] = value
    }
    // A stored secret only ever goes to the server it was typed for: pointing the counter
    // elsewhere without typing it again forgets it (no sending the password to a new host).
    if (storedLukaUrl(before) !== storedLukaUrl(next) && !lukaPassword) this.secrets.delete('lukaPassword')
    if ((before.luxcoreBaseUrl || LUXCORE_URL) !== (next.luxcoreBaseUrl || LUXCORE_URL) && !luxcoreApiKey)
      this.secrets.delete('luxcoreApiKey')
    if (lukaPassword) this.secrets.set('lukaPassword', lukaPassword)
    if (luxcoreApiKey) this.secrets.set('luxcoreApiKey', luxcoreApiKey)
    this.store.set('settings', next)
    for (const listener of this.listeners) listener()
    return this.publicView()
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
