import type { updates as es } from './updates-es'

/** The app's own updates (status bar). */
export const updates: typeof es = {
  label: 'Taquilla update',
  downloading: 'Downloading version {{version}}… {{percent}} %',
  ready: 'Update ready ({{version}})',
  install: 'Install and restart',
  waiting: {
    shiftOpen: 'it will be installed when the shift is closed',
    outboxNotEmpty: 'it will be installed when the outbox is empty'
  },
  installing: 'Installing version {{version}}…',
  failure: {
    feedDown: 'The update server could not be reached; will try again.',
    integrity: 'Update refused: the downloaded file does not match its fingerprint (sha512).',
    other: 'The update failed; will try again.'
  }
}
