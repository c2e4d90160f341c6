import { describe, expect, it } from 'vitest'
import { errorCodes } from '@shared/errors'
import { createI18n } from '@renderer/app/i18n'
import { describeError, errorLine } from '@renderer/shared/error-text'
import { luxcoreErrorCodes, luxcoreNamedCodes } from '@renderer/shared/provider-codes'

describe('error sentences', () => {
  for (const language of ['es', 'en'] as const) {
    it(`has a distinct sentence for every error code in ${language}`, () => {
      const { t } = createI18n(language)
      const sentences = errorCodes.map((code) => describeError(t, { code }).sentence)
      for (const [index, sentence] of sentences.entries()) {
        expect(sentence, errorCodes[index]).toMatch(/\S/)
        expect(sentence).not.toContain('errors.')
      }
      expect(new Set(sentences).size).toBe(errorCodes.length)
    })

    it(`explains every VALIDATION reason in ${language}`, () => {
      const { t } = createI18n(language)
      const generic = describeError(t, { code: 'VALIDATION' }).sentence
      const reasons = ['empty', 'tooLong', 'controlChars', 'notNumeric', 'reasonRequired', 'url', 'too_big']
      for (const reason of [...reasons, 'belowMinimum', 'aboveMaximum', 'email', 'phone']) {
        const sentence = describeError(t, { code: 'VALIDATION', reason }).sentence
        expect(sentence, reason).not.toBe(generic)
        expect(sentence).not.toContain('errors.')
      }
      expect(describeError(t, { code: 'VALIDATION', reason: 'something_new' }).sentence).toBe(generic)
    })
  }

  it('names the locked folder, its lock file and the holder pid, and the file a full disk refused', () => {
    const detail = { folder: '/datos/taquilla', lockFile: '/datos/taquilla/outbox.lock', pid: '4242' }
    const es = describeError(createI18n('es').t, { code: 'OUTBOX_LOCKED', detail }).sentence
    expect(es).toBe(
      'Otra Taquilla (pid 4242) está usando la carpeta de datos /datos/taquilla (archivo de bloqueo: /datos/taquilla/outbox.lock). Cierre la otra Taquilla; si no hay otra, avise a soporte.'
    )
    const en = describeError(createI18n('en').t, { code: 'OUTBOX_LOCKED', detail }).sentence
    expect(en).toContain('Another Taquilla (pid 4242) is using the data folder /datos/taquilla')
    const full = { file: '/datos/taquilla/outbox.log', reason: 'ENOSPC' }
    expect(describeError(createI18n('es').t, { code: 'STORAGE_UNWRITABLE', detail: full }).sentence).toContain(
      'El disco no deja escribir en /datos/taquilla/outbox.log (ENOSPC)'
    )
  })

  it('uses the sentences the tellers were promised', () => {
    const { t } = createI18n('es')
    expect(describeError(t, { code: 'NOT_FOUND' }).sentence).toContain('No se encontró el pago')
    for (const code of ['NETWORK', 'TIMEOUT', 'PROVIDER_UNAVAILABLE'] as const) {
      expect(describeError(t, { code }).sentence).toMatch(/^Luka no responde/)
    }
    expect(describeError(t, { code: 'BAD_CREDENTIALS' }).sentence).toBe('Revise su usuario y contraseña de Luka.')
  })

  it('attaches the provider’s own message and code, and the wait it asked for', () => {
    const { t } = createI18n('es')
    expect(errorLine(t, { code: 'NOT_FOUND', provider: 'luka', providerMessage: 'Transacción no encontrada' })).toBe(
      'No se encontró el pago en Luka. — Luka: «Transacción no encontrada»'
    )
    expect(describeError(t, { code: 'PROVIDER_REJECTED', providerCode: '12' }).provider).toBe('Luka: «código 12»')
    expect(describeError(t, { code: 'RATE_LIMITED', retryAfterMs: 2500 }).sentence).toContain('Espere 3 s.')
    expect(describeError(t, { code: 'INTERNAL', providerMessage: '   ' }).provider).toBeNull()
  })

  for (const language of ['es', 'en'] as const) {
    it(`has a distinct sentence for every documented LuxCore code in ${language}, with LuxCore’s own words`, () => {
      const { t } = createI18n(language)
      const generic = describeError(t, { code: 'PROVIDER_REJECTED', provider: 'luxcore' }).sentence
      const sentences = luxcoreErrorCodes.map((providerCode) => {
        const text = describeError(t, {
          code: 'PROVIDER_REJECTED',
          provider: 'luxcore',
          providerCode,
          providerMessage: 'Words'
        })
        expect(text.provider, providerCode).toMatch(/^LuxCore: .Words, (código|code) /)
        return text.sentence
      })
      for (const [index, sentence] of sentences.entries()) {
        expect(sentence, luxcoreErrorCodes[index]).not.toContain('errors.')
        expect(sentence, luxcoreErrorCodes[index]).not.toBe(generic)
      }
      expect(new Set(sentences).size).toBe(luxcoreErrorCodes.length)
    })

    it(`says LuxCore, not Luka, for LuxCore failures in ${language}`, () => {
      const { t } = createI18n(language)
      for (const code of luxcoreNamedCodes) {
        const sentence = describeError(t, { code, provider: 'luxcore' }).sentence
        expect(sentence, code).toContain('LuxCore')
        expect(sentence, code).not.toContain('Luka')
        expect(describeError(t, { code, provider: 'luka' }).sentence).toBe(describeError(t, { code }).sentence)
      }
    })
  }

  it('the provider’s code wins over ours; an unknown LuxCore code falls back to our code’s sentence', () => {
    const { t } = createI18n('es')
    expect(
      errorLine(t, {
        code: 'BAD_CREDENTIALS',
        provider: 'luxcore',
        providerCode: 'INVALID_API_KEY',
        providerMessage: 'API key not found or invalid'
      })
    ).toBe(
      'LuxCore no reconoce la llave de API: revísela en Ajustes (Ctrl+,). — LuxCore: «API key not found or invalid, código INVALID_API_KEY»'
    )
    expect(
      describeError(t, { code: 'PROVIDER_REJECTED', provider: 'luxcore', providerCode: 'SOMETHING_NEW' }).sentence
    ).toBe('LuxCore rechazó la solicitud.')
    // a Luka code that happens to share a LuxCore name is still Luka's
    expect(
      describeError(t, { code: 'PROVIDER_REJECTED', provider: 'luka', providerCode: 'LIMIT_EXCEEDED' }).sentence
    ).toBe('Luka rechazó la solicitud.')
  })
})
