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

createInterface({ input: process.stdin }).on('line', (line) => {
  const [command, path, startAt] = line.split(' ')
  if (command === 'go') {
    while (Date.now() < Number(startAt)) {
      // spin: a timer would add milliseconds of jitter between contenders
    }
    lock = new DirectoryLock(path!)
    try {
      lock.acquire()
      answer('held')
    } catch (cause) {
      lock = null
      answer(cause instanceof AppFailure ? `refused ${cause.error.detail?.['pid'] ?? '?'}` : `error ${String(cause)}`)
    }
  } else if (command === 'release') {
    lock?.release()
    lock = null
    answer('released')
  }
})
process.stdin.on('end', () => process.exit(0))
answer('ready')
