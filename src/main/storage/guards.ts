import type { NewJournalEntry } from '@shared/books'
import type { OperationName, StorageDamage } from '@shared/contract'
import type { Impls } from '../handlers/guard'
import type { Journal } from '../journal/journal'
import type { Recovered } from '../outbox/recovery'
import type { KeyValueStore } from '../settings/storage'
import { isDiskRefusal, unwritable, type StorageHealth } from './health'

/** The settings store, with a refused write reported and turned into STORAGE_UNWRITABLE. */
export function guardStore(store: KeyValueStore, file: string, health: StorageHealth): KeyValueStore {
  return {
    get: (key) => store.get(key),
    set: (key, value) => {
      try {
        store.set(key, value)
      } catch (cause) {
        if (!isDiskRefusal(cause)) throw cause
        health.refused(file, cause)
        throw unwritable(file, cause)
      }
    }
  }
}

/** The journal's head is kept in the settings store; after that file was damaged, start again from here. */
export function restoreAnchor(journal: Journal): void {
  try {
    journal.reanchor()
  } catch {
    // reported by guardStore
  }
}

/** Operations that create something new are refused while the disk refuses writes. */
export function refuseWhileUnwritable(
  impls: Impls<OperationName>,
  health: StorageHealth,
  names: OperationName[]
): Impls<OperationName> {
  const guarded: Record<string, unknown> = { ...impls }
  for (const name of names) {
    const run = impls[name] as (input: unknown) => unknown
    guarded[name] = (input: unknown) => {
      health.assertWritable()
      return run(input)
    }
  }
  return guarded as Impls<OperationName>
}

export function damageEntry(damage: StorageDamage): NewJournalEntry {
  return {
    action: 'storageDamage',
    refs: { file: damage.file },
    result: damage.kind,
    detail: { keptAs: damage.keptAs, lines: damage.lines, at: damage.at }
  }
}

export function recoveredEntry(item: Recovered): NewJournalEntry {
  return {
    action: 'outboxRecovered',
    refs: {
      outboxId: item.outboxId,
      ...(item.transactionId !== null ? { transactionId: item.transactionId } : {}),
      ...(item.merchantReference ? { merchantReference: item.merchantReference } : {})
    },
    result: 'recreated',
    detail: { kind: item.kind }
  }
}
