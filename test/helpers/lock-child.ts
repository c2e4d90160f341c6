import { createInterface } from 'node:readline'
import { AppFailure } from '@shared/errors'
import { DirectoryLock } from '../../src/main/outbox/lock'

/**
 * A process that contends for a data-folder lock when told (test/unit/lock.test.ts).
 * stdin: `go <lock path> <start at ms>` → waits for the start time (so all contenders fire
 * together), acquires, answers `held` or `refused <pid>`; `release` → answers `released`.
 */
let lock: DirectoryLock | null = null
const answer = (line: string) => process.stdout.write(`${line}\n`)

function contend(path: string, startAt: number): void {
  while (Date.now() < startAt) {
    // spin the last milliseconds only: a timer alone would add jitter between contenders
  }
  lock = new DirectoryLock(path)
  try {
    lock.acquire()
    answer('held')
  } catch (cause) {
    lock = null
    answer(cause instanceof AppFailure ? `refused ${cause.error.detail?.['pid'] ?? '?'}` : `error ${String(cause)}`)
  }
}

createInterface({ input: process.stdin }).on('line', (line) => {
  const [command, path, startAt] = line.split(' ')
  if (command === 'go') {
    // sleep until just before the start, then spin: ten spinning processes would starve the rest
    setTimeout(() => contend(path!, Number(startAt)), Math.max(0, Number(startAt) - Date.now() - 4))
  } else if (command === 'release') {
    lock?.release()
    lock = null
    answer('released')
  }
})
process.stdin.on('end', () => process.exit(0))
answer('ready')
