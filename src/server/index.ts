import { readConfig } from './config'
import { createPool, migrate, serverSecret } from './db'
import { createLedgerServer } from './http'
import { addOwner } from './owner/accounts'
import { MIN_PASSWORD } from './owner/owners'

/**
 * `npm run server`: migrates the database, then serves the counters' API and the owner's page.
 * `npm run server -- add-owner <email>` adds (or resets) an owner; the password comes from
 * TAQUILLA_OWNER_PASSWORD, never from the command line (it would sit in the shell's history).
 */
async function main(): Promise<void> {
  const config = readConfig()
  const pool = createPool(config.databaseUrl, config.poolSize)
  const applied = await migrate(pool)
  if (applied.length > 0) console.log(`migrations applied: ${applied.join(', ')}`)
  const [command, email] = process.argv.slice(2)
  if (command === 'add-owner') {
    const password = process.env.TAQUILLA_OWNER_PASSWORD ?? ''
    if (!email || password.length < MIN_PASSWORD)
      throw new Error(`usage: TAQUILLA_OWNER_PASSWORD=<${MIN_PASSWORD}+ chars> npm run server -- add-owner <email>`)
    await addOwner(pool, email, password)
    console.log(`owner ${email} can sign in`)
    await pool.end()
    return
  }
  const server = createLedgerServer({ pool, config, secret: await serverSecret(pool) })
  server.listen(config.port, config.host, () => {
    const address = server.address()
    const port = typeof address === 'object' && address ? address.port : config.port
    console.log(`agency server ready at ${config.tlsCert ? 'https' : 'http'}://${config.host}:${port}/`)
  })
  const stop = () => server.close(() => void pool.end().then(() => process.exit(0)))
  process.once('SIGTERM', stop)
  process.once('SIGINT', stop)
}

main().catch((cause: unknown) => {
  console.error(cause instanceof Error ? cause.message : cause)
  process.exit(1)
})
