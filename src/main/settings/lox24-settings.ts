import { phoneCountries, type PhoneCountry } from '@shared/phone'
import { DEFAULT_LOW_CREDIT_MINOR, LOX24_URL, validSender } from '@shared/lox24-rules'
import { decimalToMinor } from '@shared/money'
import type { Env } from './settings'

/** LOX24 settings as stored (the token is a secret: not here). */
export interface StoredLox24 {
  lox24BaseUrl: string
  lox24Sender: string
  lox24Country: PhoneCountry
  /** null: on once a token is set (issue 13) */
  lox24Receipts: boolean | null
  /** minor units of the account's currency */
  lox24LowCredit: number
}

export const LOX24_DEFAULTS: StoredLox24 = {
  lox24BaseUrl: '',
  lox24Sender: '',
  lox24Country: 'VE',
  lox24Receipts: null,
  lox24LowCredit: DEFAULT_LOW_CREDIT_MINOR
}

/** What the LOX24 services run with. */
export interface Lox24Config {
  baseUrl: string
  token: string
  sender: string
  country: PhoneCountry
  receipts: boolean
  lowCreditMinor: number
}

export function readStoredLox24(value: Partial<Record<keyof StoredLox24, unknown>>): StoredLox24 {
  const country = value.lox24Country
  const low = value.lox24LowCredit
  return {
    lox24BaseUrl: typeof value.lox24BaseUrl === 'string' ? value.lox24BaseUrl : '',
    lox24Sender: typeof value.lox24Sender === 'string' ? value.lox24Sender : '',
    lox24Country: phoneCountries.includes(country as PhoneCountry) ? (country as PhoneCountry) : 'VE',
    lox24Receipts: typeof value.lox24Receipts === 'boolean' ? value.lox24Receipts : null,
    lox24LowCredit: typeof low === 'number' && Number.isSafeInteger(low) && low >= 0 ? low : DEFAULT_LOW_CREDIT_MINOR
  }
}

/** Env overrides, each ignored when it does not read as a valid value. */
export function lox24Env(env: Env) {
  const get = (name: string) => env[name]?.trim() || undefined
  const receipts = get('LOX24_SMS_RECEIPTS')
  const country = get('LOX24_COUNTRY')?.toUpperCase()
  const sender = get('LOX24_SENDER')
  const low = get('LOX24_LOW_CREDIT')
  return {
    lox24BaseUrl: get('LOX24_BASE_URL'),
    lox24Token: get('LOX24_TOKEN'),
    lox24Sender: sender && validSender(sender) ? sender : undefined,
    lox24Country: phoneCountries.includes(country as PhoneCountry) ? (country as PhoneCountry) : undefined,
    lox24Receipts: receipts === '1' ? true : receipts === '0' ? false : undefined,
    lox24LowCredit: low ? (decimalToMinor(low, 2) ?? undefined) : undefined
  }
}

export function lox24Config(stored: StoredLox24, env: Env, storedToken: string | null): Lox24Config {
  const fixed = lox24Env(env)
  const token = fixed.lox24Token ?? storedToken ?? ''
  return {
    baseUrl: fixed.lox24BaseUrl ?? (stored.lox24BaseUrl || LOX24_URL),
    token,
    sender: fixed.lox24Sender ?? stored.lox24Sender,
    country: fixed.lox24Country ?? stored.lox24Country,
    receipts: fixed.lox24Receipts ?? stored.lox24Receipts ?? token !== '',
    lowCreditMinor: fixed.lox24LowCredit ?? stored.lox24LowCredit
  }
}

/** Which LOX24 settings an environment variable fixes. */
export const lox24Overridden = (env: Env): string[] =>
  Object.entries(lox24Env(env))
    .filter(([, value]) => value !== undefined)
    .map(([name]) => name)
