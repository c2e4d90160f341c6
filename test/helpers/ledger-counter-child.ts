// A counter's replicator in a process of its own, so a test can SIGKILL it mid-batch
// (bundled by test/e2e/ledger-counter-kill.test.ts). Prints `sending` / `sent` around each
// request and `synced` when the server holds the whole journal.
import { Journal } from '../../src/main/journal/journal'
import { LedgerClient } from '../../src/main/ledger/client'
import { journalLines } from '../../src/main/ledger/journal-lines'
import { LedgerReplicator } from '../../src/main/ledger/replicator'

const env = process.env as Record<string, string>
const journal = new Journal(env.JOURNAL_PATH!, { now: () => Date.now() }, () => ({ operator: 'x', terminal: 'x' }))
journal.open()
const tracing: typeof fetch = async (input, init) => {
  process.stdout.write('sending\n')
  const response = await fetch(input, init)
  process.stdout.write('sent\n')
  return response
}
const replicator = new LedgerReplicator({
  client: new LedgerClient(env.LEDGER_URL!, tracing),
  identity: { terminalId: env.TERMINAL_ID!, privateKey: env.PRIVATE_KEY! },
  journal: journalLines(journal),
  batchSize: 20,
  onMismatch: (mismatch) => {
    process.stdout.write(`mismatch ${JSON.stringify(mismatch)}\n`)
    process.exit(2)
  }
})
for (;;) {
  const status = await replicator.sync()
  if (status.state === 'upToDate') break
  if (status.state === 'refused') process.exit(3)
}
process.stdout.write('synced\n')
process.exit(0)
