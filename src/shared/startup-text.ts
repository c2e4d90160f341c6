/**
 * Sentences main must say before (or instead of) any window — a refused start — in both
 * languages. The renderer's locales use the same strings, so a refusal reads the same in the
 * start-up box, in browser mode's console and on screen. `{{name}}` is filled from the
 * error's `detail`.
 */
export const lockedSentence = {
  es: 'Otra Taquilla (pid {{pid}}) está usando la carpeta de datos {{folder}} (archivo de bloqueo: {{lockFile}}). Cierre la otra Taquilla; si no hay otra, avise a soporte.',
  en: 'Another Taquilla (pid {{pid}}) is using the data folder {{folder}} (lock file: {{lockFile}}). Close the other Taquilla; if there is none, call support.'
} as const

export const unwritableSentence = {
  es: 'El disco no deja escribir en {{file}} ({{reason}}): Taquilla no acepta decisiones ni depósitos nuevos hasta que se pueda escribir de nuevo. Lo que está en pantalla sigue disponible. Avise a soporte.',
  en: 'The disk refuses writes to {{file}} ({{reason}}): Taquilla takes no new decisions or deposits until it can write again. What is on screen stays available. Call support.'
} as const

/** Fills `{{name}}` from the values; a name without a value is left out ("?"). */
export function fillSentence(template: string, values: Record<string, string> | undefined): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values?.[name] ?? '?')
}
