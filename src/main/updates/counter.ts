import type { OutboxSummary } from '@shared/contract'
import type { ShiftBook } from '../books/shift'
import type { SettingsService } from '../settings/settings'
import type { EventBus } from '../support/events'
import type { Logger } from '../support/log'
import type { UpdateEngine } from './engine'
import { UpdateManager, type Waiting } from './manager'

/**
 * The update manager wired to this counter: the feed from the settings (TAQUILLA_UPDATE_URL
 * first), checked again when it changes; an update waits while a shift is open or anything is
 * in the outbox (waiting or needing attention) — and the status bar hears when that changes.
 */
export function counterUpdates(deps: {
  engine?: UpdateEngine
  settings: SettingsService
  shifts: ShiftBook
  summary: () => OutboxSummary
  bus: EventBus
  log: Logger
}): { manager: UpdateManager; stop: () => void } {
  const { settings, bus } = deps
  const waiting = (): Waiting | null => {
    if (deps.shifts.current()) return 'shiftOpen'
    return deps.summary().providers.some((row) => row.waiting + row.attention > 0) ? 'outboxNotEmpty' : null
  }
  const manager = new UpdateManager({
    engine: deps.engine,
    feedUrl: () => settings.effective().updateUrl,
    waiting,
    emit: (status) => bus.emit('update.status', status),
    log: deps.log
  })
  const stopRefresh = bus.subscribe((name) => {
    if (name === 'outbox.updated' || name === 'journal.changed') manager.refresh()
  })
  let feedUrl = settings.effective().updateUrl
  const stopFeedWatch = settings.onChange(() => {
    if (settings.effective().updateUrl === feedUrl) return
    feedUrl = settings.effective().updateUrl
    void manager.check()
  })
  manager.start()
  return {
    manager,
    stop: () => {
      manager.stop()
      stopRefresh()
      stopFeedWatch()
    }
  }
}
