import { execFileSync, spawnSync } from 'node:child_process'
import { chownSync, cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * A throwaway PostgreSQL cluster for the ledger's tests and bench: Debian's postgresql package
 * (`/usr/lib/postgresql/<n>/bin`, or `TAQUILLA_PG_BIN`). Missing binaries FAIL with a clear message —
 * never a silent skip. We usually run as root here, so the cluster belongs to the `postgres` user.
 * initdb is slow on a loaded machine (≈ 12 s), so one initialized cluster is kept as a template in
 * the temp folder and copied for each start (≈ 1 s).
 */
export interface TestPostgres {
  /** postgres superuser on 127.0.0.1:<port>, database `postgres` */
  url: string
  port: number
  /** a fresh, empty database on this cluster; returns its URL */
  createDatabase(name?: string): Promise<string>
  stop(): void
}

function pgBin(): string {
  const fromEnv = process.env.TAQUILLA_PG_BIN
  if (fromEnv && existsSync(join(fromEnv, 'pg_ctl'))) return fromEnv
  for (const version of ['17', '16', '15', '14']) {
    const dir = `/usr/lib/postgresql/${version}/bin`
    if (existsSync(join(dir, 'pg_ctl'))) return dir
  }
  throw new Error(
    'PostgreSQL is not installed: the ledger tests need a real one. On Debian: apt-get install -y postgresql ' +
      '(or set TAQUILLA_PG_BIN to the folder holding initdb and pg_ctl). .ci/run installs it.'
  )
}

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0

/** Runs a PostgreSQL binary as the `postgres` user when we are root (initdb refuses root). */
function runPg(bin: string, args: string[]): void {
  const [command, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args]
  const result = spawnSync(command, argv, { encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`${bin} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`)
}

function giveToPostgres(dir: string): void {
  if (!asRoot) return
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim())
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim())
  chownSync(dir, uid, gid)
}

function template(bin: string): string {
  const dir = join(tmpdir(), `taquilla-pg-template-${bin.replace(/\W+/g, '_')}`)
  if (existsSync(join(dir, 'PG_VERSION'))) return dir
  const building = mkdtempSync(join(tmpdir(), 'taquilla-pg-init-'))
  giveToPostgres(building)
  runPg(join(bin, 'initdb'), ['-D', join(building, 'data'), '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync'])
  try {
    renameSync(join(building, 'data'), dir) // atomic: a parallel file sees a whole template or none
  } catch {
    // another test file made it first
  }
  rmSync(building, { recursive: true, force: true })
  return dir
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

export async function startPostgres(settings: string[] = []): Promise<TestPostgres> {
  const bin = pgBin()
  const root = mkdtempSync(join(tmpdir(), 'taquilla-pg-'))
  giveToPostgres(root)
  const data = join(root, 'data')
  cpSync(template(bin), data, { recursive: true, preserveTimestamps: true })
  if (asRoot) execFileSync('chown', ['-R', 'postgres:postgres', data])
  mkdirSync(join(root, 'run'))
  giveToPostgres(join(root, 'run'))
  const port = await freePort()
  const options = [`-p ${port}`, `-k ${join(root, 'run')}`, '-c listen_addresses=127.0.0.1', ...settings]
  runPg(join(bin, 'pg_ctl'), ['-D', data, '-o', options.join(' '), '-l', join(root, 'log'), '-w', '-t', '60', 'start'])
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres`
  let made = 0
  return {
    url,
    port,
    async createDatabase(name = `t${process.pid}_${++made}_${Date.now() % 100000}`) {
      const { default: pg } = await import('pg')
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      try {
        await client.query(`CREATE DATABASE "${name}"`)
      } finally {
        await client.end()
      }
      return `postgresql://postgres@127.0.0.1:${port}/${name}`
    },
    stop() {
      try {
        runPg(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'])
      } finally {
        rmSync(root, { recursive: true, force: true })
      }
    }
  }
}
