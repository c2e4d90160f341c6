import type { Net, PowerMonitor } from 'electron'

export type NetworkBackReason = 'online' | 'resume' | 'unlock-screen'

export interface NetworkSignalDeps {
  powerMonitor: Pick<PowerMonitor, 'on' | 'removeListener'>
  net: Pick<Net, 'isOnline'>
  onBack: (reason: NetworkBackReason) => void
  /** how often net.isOnline() is read (main has no "online" event); 2 s */
  pollMs?: number
  /** after resume/unlock the link may take a while (Wi-Fi, DHCP): one more probe then; 10 s */
  settleMs?: number
}

/**
 * Turns the OS's hints into "the network is back": net.isOnline() going false → true, resume
 * from sleep and screen unlock (after each of those, a second probe once the link had time to
 * come up). Returns the function that stops listening.
 */
export function watchNetworkBack(deps: NetworkSignalDeps): () => void {
  const pollMs = deps.pollMs ?? 2_000
  const settleMs = deps.settleMs ?? 10_000
  const timers = new Set<NodeJS.Timeout>()
  let online = safeOnline(deps.net)
  const poll = setInterval(() => {
    const now = safeOnline(deps.net)
    if (now && !online) deps.onBack('online')
    online = now
  }, pollMs)
  poll.unref?.()
  const wake = (reason: NetworkBackReason) => () => {
    deps.onBack(reason)
    const later = setTimeout(() => {
      timers.delete(later)
      deps.onBack(reason)
    }, settleMs)
    later.unref?.()
    timers.add(later)
  }
  const onResume = wake('resume')
  const onUnlock = wake('unlock-screen')
  deps.powerMonitor.on('resume', onResume)
  deps.powerMonitor.on('unlock-screen', onUnlock)
  return () => {
    clearInterval(poll)
    for (const timer of timers) clearTimeout(timer)
    deps.powerMonitor.removeListener('resume', onResume)
    deps.powerMonitor.removeListener('unlock-screen', onUnlock)
  }
}

/** isOnline() can throw before the network service is up; assume online then (no false "back"). */
function safeOnline(net: Pick<Net, 'isOnline'>): boolean {
  try {
    return net.isOnline()
  } catch {
    return true
  }
}
