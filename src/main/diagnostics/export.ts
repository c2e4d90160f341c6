import { closeSync, fstatSync, mkdirSync, openSync, readSync, writeFileSync } from 'node:fs'
import { arch, platform, release } from 'node:os'
import { join } from 'node:path'

/** What a support person needs, in one file. Everything here is already free of secrets except by accident. */
export interface DiagnosticsSources {
  app: { version: string; mode: 'electron' | 'harness' }
  dataDir: string
  settings: unknown
  outbox: unknown
  journal: unknown
  /** secrets in force (password, keys, tokens): removed from the whole file, whatever field they hide in */
  secrets: () => readonly string[]
  now: () => number
}

/** The end of the log is what matters; the file's rotation keeps it at most 5 MiB anyway. */
const LOG_TAIL_BYTES = 512 * 1024

function tail(file: string, bytes: number): string {
  let fd: number | null = null
  try {
    fd = openSync(file, 'r')
    const size = fstatSync(fd).size
    const length = Math.min(size, bytes)
    const buffer = Buffer.alloc(length)
    readSync(fd, buffer, 0, length, size - length)
    const text = buffer.toString('utf8')
    return size > bytes ? text.slice(text.indexOf('\n') + 1) : text
  } catch {
    return ''
  } finally {
    if (fd !== null) closeSync(fd)
  }
}

/** The diagnostics document: versions, settings (public view), outbox and journal summaries, the log's tail. */
export function diagnosticsText(sources: DiagnosticsSources): string {
  const document = {
    createdAt: new Date(sources.now()).toISOString(),
    app: sources.app,
    runtime: {
      electron: process.versions['electron'] ?? null,
      chrome: process.versions['chrome'] ?? null,
      node: process.versions.node,
      os: `${platform()} ${release()} ${arch()}`
    },
    dataDir: sources.dataDir,
    settings: sources.settings,
    outbox: sources.outbox,
    journal: sources.journal,
    log: tail(join(sources.dataDir, 'logs', 'taquilla.log'), LOG_TAIL_BYTES).split('\n')
  }
  let text = JSON.stringify(document, null, 2)
  // the log is scrubbed as it is written; this catches a secret typed where a secret was not expected
  for (const secret of sources.secrets()) {
    if (secret.length >= 4) text = text.split(secret).join('[redacted]')
    const escaped = JSON.stringify(secret).slice(1, -1)
    if (escaped !== secret && escaped.length >= 4) text = text.split(escaped).join('[redacted]')
  }
  return text
}

/** Writes the document to <dataDir>/diagnostics/ and returns its path. */
export function exportDiagnostics(sources: DiagnosticsSources): string {
  const dir = join(sources.dataDir, 'diagnostics')
  mkdirSync(dir, { recursive: true })
  const stamp = new Date(sources.now()).toISOString().replace(/[:.]/g, '-')
  const file = join(dir, `taquilla-diagnostics-${stamp}.json`)
  writeFileSync(file, diagnosticsText(sources), { mode: 0o600 })
  return file
}
