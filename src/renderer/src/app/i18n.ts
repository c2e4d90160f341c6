import i18next, { type i18n } from 'i18next'
import type { Language } from '@shared/contract'
import { es } from './locales/es'
import { en } from './locales/en'

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: typeof es }
  }
}

/** One i18next instance per window (and per test), Spanish unless settings say otherwise. */
export function createI18n(language: Language = 'es'): i18n {
  const instance = i18next.createInstance()
  void instance.init({
    resources: { es: { translation: es }, en: { translation: en } },
    lng: language,
    fallbackLng: 'es',
    initAsync: false,
    // React escapes what it renders; i18next must not escape it twice.
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false
  })
  return instance
}
