import { describe, expect, it } from 'vitest'
import { parseInput } from '@shared/contract'
import { AppFailure } from '@shared/errors'
import { LUKA_URLS, SettingsService } from '../../src/main/settings/settings'
import { MemoryKeyValueStore, MemorySecretStore } from '../../src/main/settings/storage'

const QA = 'https://bspaycoapi-qa.payco.net.ve'
const LUXCORE = 'https://api.lux-core.io'

const make = (env: Record<string, string> = {}, encryption = true) => {
  const store = new MemoryKeyValueStore()
  const secrets = new MemorySecretStore(encryption)
  return { store, secrets, settings: new SettingsService(store, secrets, env) }
}

describe('settings', () => {
  it('defaults to Spanish and the QA environment', () => {
    const { settings } = make()
    expect(settings.publicView()).toMatchObject({
      language: 'es',
      lukaEnvironment: 'qa',
      lukaBaseUrl: LUKA_URLS.qa,
      hasLukaPassword: false
    })
  })

  it('picks the production and custom URLs', () => {
    const { settings } = make()
    settings.update({ lukaEnvironment: 'production' })
    expect(settings.effective().luka.baseUrl).toBe('https://lukaapi.payco.net.ve')
    settings.update({ lukaEnvironment: 'custom', lukaCustomUrl: 'https://luka.agencia.local' })
    expect(settings.effective().luka.baseUrl).toBe('https://luka.agencia.local')
  })

  it('environment variables override settings and are reported as fixed', () => {
    const { settings } = make({
      LUKA_BASE_URL: 'http://127.0.0.1:9',
      TAQUILLA_TERMINAL: 'Agencia X, Taquilla 1',
      TAQUILLA_LANG: 'en',
      LUKA_PASSWORD: 'pw-from-env'
    })
    settings.update({ terminal: 'ignored while env is set', language: 'es' })
    const view = settings.publicView()
    expect(view).toMatchObject({
      lukaBaseUrl: 'http://127.0.0.1:9',
      terminal: 'Agencia X, Taquilla 1',
      language: 'en',
      hasLukaPassword: true
    })
    expect(view.overridden.sort()).toEqual(['language', 'lukaBaseUrl', 'lukaPassword', 'terminal'])
    expect(JSON.stringify(view)).not.toContain('pw-from-env')
  })

  it('ignores an invalid TAQUILLA_LANG', () => {
    expect(make({ TAQUILLA_LANG: 'fr' }).settings.publicView().language).toBe('es')
  })

  it('stores the password only in the secret store, never with the plain settings', () => {
    const { settings, store, secrets } = make()
    settings.update({ lukaUsername: 'cajero', lukaPassword: 'clave-123' })
    expect(secrets.get('lukaPassword', QA)).toBe('clave-123')
    expect(JSON.stringify(store.get('settings'))).not.toContain('clave-123')
    expect(settings.publicView().hasLukaPassword).toBe(true)
  })

  it('pointing the counter at another server forgets the stored secret unless it is typed again', () => {
    const { settings, secrets } = make()
    settings.update({ lukaUsername: 'cajero', lukaPassword: 'clave-123', luxcoreApiKey: 'qp_test_sk_1' })
    settings.update({ lukaEnvironment: 'production' })
    expect(secrets.get('lukaPassword', QA)).toBeNull()
    expect(secrets.get('luxcoreApiKey', LUXCORE)).toBe('qp_test_sk_1') // LuxCore's URL did not change
    settings.update({ lukaEnvironment: 'qa', lukaPassword: 'clave-qa' })
    expect(secrets.get('lukaPassword', QA)).toBe('clave-qa')
    settings.update({ luxcoreBaseUrl: 'https://other.example/api/v1' })
    expect(secrets.get('luxcoreApiKey', LUXCORE)).toBeNull()
    settings.update({ operator: 'Ana' }) // other changes keep the secrets
    expect(secrets.get('lukaPassword', QA)).toBe('clave-qa')
  })

  it('a settings file edited to name another host does not send the stored secret there', () => {
    const { settings, store } = make()
    settings.update({ lukaUsername: 'cajero', lukaPassword: 'clave-123', luxcoreApiKey: 'qp_test_sk_1' })
    expect(settings.effective().luka.password).toBe('clave-123')
    // what an edit of the file on disk does: no update(), so nothing is forgotten on the way
    store.set('settings', {
      ...(store.get('settings') as object),
      lukaEnvironment: 'custom',
      lukaCustomUrl: 'https://collector.example',
      luxcoreBaseUrl: 'https://collector.example/api/v1'
    })
    expect(settings.effective().luka).toMatchObject({ baseUrl: 'https://collector.example', password: '' })
    expect(settings.effective().luxcore).toMatchObject({ apiKey: '' })
    expect(settings.publicView()).toMatchObject({ hasLukaPassword: false, hasLuxcoreApiKey: false })
    // put back, the secret is there again for its own server
    store.set('settings', { ...(store.get('settings') as object), lukaEnvironment: 'qa', luxcoreBaseUrl: '' })
    expect(settings.effective().luka.password).toBe('clave-123')
    expect(settings.effective().luxcore.apiKey).toBe('qp_test_sk_1')
  })

  it('without encryption, refuses to store the password and changes nothing', () => {
    const { settings, store } = make({}, false)
    expect(() => settings.update({ lukaUsername: 'nuevo', lukaPassword: 'clave-123' })).toThrow(AppFailure)
    expect(store.get('settings')).toBeUndefined()
    expect(settings.publicView()).toMatchObject({
      encryptionAvailable: false,
      hasLukaPassword: false,
      lukaUsername: ''
    })
  })

  it('the contract rejects bad settings input with a reason', () => {
    expect(parseInput('settings.update', { lukaCustomUrl: 'ftp://x' })).toMatchObject({
      ok: false,
      error: { reason: 'url', field: 'lukaCustomUrl' }
    })
    // credentials travel to it: plain http only to this computer
    expect(parseInput('settings.update', { lukaCustomUrl: 'http://attacker.example' })).toMatchObject({
      ok: false,
      error: { reason: 'url' }
    })
    expect(parseInput('settings.update', { luxcoreBaseUrl: 'http://10.0.0.5/api' })).toMatchObject({
      ok: false,
      error: { reason: 'url' }
    })
    expect(parseInput('settings.update', { lukaCustomUrl: 'http://127.0.0.1:8080' })).toMatchObject({ ok: true })
    expect(parseInput('settings.update', { luxcoreBaseUrl: 'https://api.lux-core.io/api/v1' })).toMatchObject({
      ok: true
    })
    expect(parseInput('settings.update', { terminal: 'Taquilla\u0007' })).toMatchObject({
      ok: false,
      error: { reason: 'controlChars' }
    })
    expect(parseInput('settings.update', { language: 'fr' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'language' }
    })
  })
})

describe('settings: the update feed', () => {
  it('is a setting (https, or http to this computer), unset by default, and TAQUILLA_UPDATE_URL fixes it', () => {
    const { settings } = make()
    expect(settings.publicView().updateUrl).toBe('')
    expect(settings.update({ updateUrl: 'https://updates.example.com/taquilla/' }).updateUrl).toBe(
      'https://updates.example.com/taquilla/'
    )
    // an installer is run from there: the same rule as the provider URLs
    expect(parseInput('settings.update', { updateUrl: 'http://updates.example.com/' })).toMatchObject({
      ok: false,
      error: { reason: 'url', field: 'updateUrl' }
    })
    const fixed = make({ TAQUILLA_UPDATE_URL: 'https://fleet.example.com/feed/' }).settings
    expect(fixed.publicView()).toMatchObject({
      updateUrl: 'https://fleet.example.com/feed/',
      overridden: ['updateUrl']
    })
    expect(fixed.effective().updateUrl).toBe('https://fleet.example.com/feed/')
  })
})

describe('the contract', () => {
  it('declares schemas for exactly the listed operation and event names', async () => {
    const { contract, events, operationNames, eventNames } = await import('@shared/contract')
    expect(Object.keys(contract).sort()).toEqual([...operationNames].sort())
    expect(Object.keys(events).sort()).toEqual([...eventNames].sort())
  })
})

describe('LOX24 settings', () => {
  it('the token is a secret bound to its URL; receipts are on by default once a token is set', () => {
    const { settings, secrets, store } = make()
    expect(settings.publicView()).toMatchObject({
      lox24BaseUrl: 'https://api.lox24.eu',
      hasLox24Token: false,
      lox24Receipts: false,
      lox24Country: 'VE',
      lox24LowCredit: 500
    })
    settings.update({ lox24Token: 'c1:key-123', lox24Sender: 'Taquilla', lox24Country: 'MX' })
    expect(secrets.get('lox24Token', 'https://api.lox24.eu')).toBe('c1:key-123')
    expect(JSON.stringify(store.get('settings'))).not.toContain('key-123')
    expect(JSON.stringify(settings.publicView())).not.toContain('key-123')
    expect(settings.publicView()).toMatchObject({ hasLox24Token: true, lox24Receipts: true, lox24Country: 'MX' })
    expect(settings.secretValues()).toContain('c1:key-123')
    settings.update({ lox24Receipts: false })
    expect(settings.effective().lox24.receipts).toBe(false)
    settings.update({ lox24BaseUrl: 'https://other.example' })
    expect(secrets.get('lox24Token', 'https://other.example')).toBeNull()
  })

  it('LOX24_* variables override and are reported fixed; a bad sender or receipts value is ignored', () => {
    const { settings } = make({
      LOX24_BASE_URL: 'http://127.0.0.1:9',
      LOX24_TOKEN: 'c9:env-token',
      LOX24_SENDER: 'CCCT Taq 2',
      LOX24_SMS_RECEIPTS: '0',
      LOX24_LOW_CREDIT: '2.50'
    })
    expect(settings.effective().lox24).toEqual({
      baseUrl: 'http://127.0.0.1:9',
      token: 'c9:env-token',
      sender: 'CCCT Taq 2',
      country: 'VE',
      receipts: false,
      lowCreditMinor: 250
    })
    expect(settings.publicView().overridden).toEqual(
      expect.arrayContaining(['lox24BaseUrl', 'lox24Token', 'lox24Sender', 'lox24Receipts', 'lox24LowCredit'])
    )
    const loose = make({
      LOX24_SENDER: 'A sender far too long',
      LOX24_SMS_RECEIPTS: 'yes',
      LOX24_TOKEN: 'c:k'
    }).settings
    expect(loose.effective().lox24).toMatchObject({ sender: '', receipts: true })
  })

  it('the contract checks the sender (≤ 11 characters or ≤ 15 digits) and the token shape', () => {
    expect(parseInput('settings.update', { lox24Sender: 'Taquilla 2' }).ok).toBe(true)
    expect(parseInput('settings.update', { lox24Sender: '+584121234567' }).ok).toBe(true)
    expect(parseInput('settings.update', { lox24Sender: 'Agencia CCCT 2' })).toMatchObject({
      ok: false,
      error: { field: 'lox24Sender', reason: 'sender' }
    })
    expect(parseInput('settings.update', { lox24Sender: '1234567890123456' }).ok).toBe(false)
    expect(parseInput('settings.update', { lox24Token: 'no-colon' })).toMatchObject({
      ok: false,
      error: { field: 'lox24Token', reason: 'lox24Token' }
    })
  })
})
