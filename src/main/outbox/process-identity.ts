import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { uptime } from 'node:os'

/**
 * What tells one process from another that later got the same pid: a pid alone is reused
 * (after a reboot — a power cut at the counter — pids start again from the bottom), so the
 * data-folder lock also records which boot and which process start it belongs to.
 */
export interface ProcessIdentity {
  /** when this boot began (wall clock, ms) — now minus the OS uptime */
  boot: number
  /** Linux: the kernel's random id for this boot (exact, immune to clock changes); else null */
  bootId: string | null
  /** when the process started, as the OS reports it (Linux: clock ticks since boot; macOS: ps lstart); else null */
  start: string | null
  /** the executable's file name (Taquilla.exe, electron, node); null when the OS will not say */
  exe: string | null
}

export function currentBoot(): { boot: number; bootId: string | null } {
  return { boot: Date.now() - uptime() * 1000, bootId: readOr('/proc/sys/kernel/random/boot_id') }
}

export function ownIdentity(): ProcessIdentity {
  return { ...currentBoot(), start: processStart(process.pid), exe: basename(process.execPath) }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (cause) {
    return (cause as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** The start mark of a live process, or null when the OS does not tell (Windows) or it is gone. */
export function processStart(pid: number): string | null {
  if (process.platform === 'linux') {
    const stat = readOr(`/proc/${pid}/stat`)
    // field 22 (starttime) counts from the field after the command name, which may contain spaces
    const fields = stat?.slice(stat.lastIndexOf(')') + 2).split(' ')
    return fields?.[19] ?? null
  }
  if (process.platform === 'darwin') return run('ps', ['-o', 'lstart=', '-p', String(pid)])
  return null
}

/** The executable name of a live process (Windows: tasklist's image name), or null. */
export function processExe(pid: number): string | null {
  if (process.platform === 'linux') {
    const comm = readOr(`/proc/${pid}/comm`)
    return comm ? comm.slice(0, 15) : null
  }
  if (process.platform === 'win32') {
    const row = run('tasklist', ['/FI', `PID eq ${pid}`, '/FO', 'CSV', '/NH'])
    const name = row?.match(/^"([^"]+)"/)?.[1]
    return name ?? null
  }
  const comm = run('ps', ['-o', 'comm=', '-p', String(pid)])
  return comm ? basename(comm) : null
}

/** Linux's comm is the first 15 characters of the executable's name. */
export function sameExe(recorded: string, seen: string): boolean {
  return process.platform === 'linux' ? recorded.slice(0, 15) === seen : recorded.toLowerCase() === seen.toLowerCase()
}

function readOr(path: string): string | null {
  try {
    return readFileSync(path, 'utf8').trim() || null
  } catch {
    return null
  }
}

function run(command: string, args: string[]): string | null {
  try {
    return (
      execFileSync(command, args, { encoding: 'utf8', timeout: 3_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim() ||
      null
    )
  } catch {
    return null
  }
}
