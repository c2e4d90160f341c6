import { describe, expect, it } from 'vitest'
import { errorCodes } from '@shared/errors'
import { createI18n } from '@renderer/app/i18n'
import { describeError, errorLine } from '@renderer/shared/error-text'

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
      for (const reason of ['empty', 'tooLong', 'controlChars', 'notNumeric', 'reasonRequired', 'url', 'too_big']) {
        const sentence = describeError(t, { code: 'VALIDATION', reason }).sentence
        expect(sentence, reason).not.toBe(generic)
        expect(sentence).not.toContain('errors.')
      }
      expect(describeError(t, { code: 'VALIDATION', reason: 'something_new' }).sentence).toBe(generic)
    })
  }

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
})
