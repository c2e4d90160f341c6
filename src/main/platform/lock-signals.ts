import type { PowerMonitor } from 'electron'

/**
 * Issue 11: the counter locks when the OS locks the screen or the computer goes to sleep (and so
 * is locked when it resumes) — whoever comes back signs in again. Electron's powerMonitor only here.
 */
export function watchOsLock(deps: {
  powerMonitor: Pick<PowerMonitor, 'on' | 'removeListener'>
  lock: (reason: 'screenLocked' | 'sleep') => void
}): () => void {
  const onLockScreen = () => deps.lock('screenLocked')
  const onSleep = () => deps.lock('sleep')
  deps.powerMonitor.on('lock-screen', onLockScreen)
  deps.powerMonitor.on('suspend', onSleep)
  deps.powerMonitor.on('resume', onSleep)
  return () => {
    deps.powerMonitor.removeListener('lock-screen', onLockScreen)
    deps.powerMonitor.removeListener('suspend', onSleep)
    deps.powerMonitor.removeListener('resume', onSleep)
  }
}
