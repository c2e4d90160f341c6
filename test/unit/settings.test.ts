import { describe, expect, it } from 'vitest'
import { parseInput } from '@shared/contract'
import { AppFailure } from '@shared/errors'
import { LUKA_URLS, SettingsService } from '../../src/main/settings/settings'
import { MemoryKeyValueStore, MemorySecretStore } from '../../src/main/settings/storage'

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
    expect(secrets.get('lukaPassword')).toBe('clave-123')
    expect(JSON.stringify(store.get('settings'))).not.toContain('clave-123')
    expect(settings.publicView().hasLukaPassword).toBe(true)
  })

  it('pointing the counter at another server forgets the stored secret unless it is typed again', () => {
    const { settings, secrets } = make()
    settings.update({ lukaUsername: 'cajero', lukaPassword: 'clave-123', luxcoreApiKey: 'qp_test_sk_1' })
    settings.update({ lukaEnvironment: 'production' })
    expect(secrets.get('lukaPassword')).toBeNull()
    expect(secrets.get('luxcoreApiKey')).toBe('qp_test_sk_1') // LuxCore's URL did not change
    settings.update({ lukaEnvironment: 'qa', lukaPassword: 'clave-qa' })
    expect(secrets.get('lukaPassword')).toBe('clave-qa')
    settings.update({ luxcoreBaseUrl: 'https://other.example/api/v1' })
    expect(secrets.get('luxcoreApiKey')).toBeNull()
    settings.update({ operator: 'Ana' }) // other changes keep the secrets
    expect(secrets.get('lukaPassword')).toBe('clave-qa')
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
