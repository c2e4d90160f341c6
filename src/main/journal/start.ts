import { statSync, truncateSync } from 'node:fs'
import type { DurableLog } from '../storage/durable-log'
import { HighWaterMark } from '../storage/mark'
import { ChainChecker, parseEntry, sha256, type Break } from './chain'
import { readCheckpoint } from './checkpoint'
import type { JournalLines } from './lines'
import { readTexts, scanLines } from './pages'
import { JournalState } from './state'

/** What the journal needs to read itself at start. */
export interface StartContext {
  path: string
  file: DurableLog
  lines: JournalLines
  mac: ((text: string) => string) | null
  /** the anchored head's seq (settings), if any */
  anchorSeq: number | null
  /** below this file size the whole file is checked */
  quickAbove: number
}

/** The journal as read at start: the facts, the chain as checked, and its breaks. */
export interface Started {
  state: JournalState
  checker: ChainChecker
  breaks: Break[]
  /** entries counted before the checker's first line (the checkpoint's) */
  entriesBefore: number
  tornTail: boolean
}

/** The fast start: a keyed checkpoint that verifies, and the lines after it. Null when there is none. */
export function startFromCheckpoint(ctx: StartContext): Started | null {
  const { lines, mac } = ctx
  if (!mac) return null
  const read = readCheckpoint(`${ctx.path}.checkpoint`, mac)
  const checkpoint = read?.checkpoint
  const size = fileSize(ctx.path)
  const known = new HighWaterMark(`${ctx.path}.mark`).read()
  if (!checkpoint || size === null || size < ctx.quickAbove || size < checkpoint.bytes || size < known.bytes)
    return null
  if (!lines.offsets.load(checkpoint.lines)) return null
  const fd = lines.reader()
  const start = lines.offsets.at(checkpoint.lines - 1)
  const [lastText] = readTexts(fd, start, checkpoint.bytes)
  const lastEntry = lastText === undefined ? null : parseEntry(lastText)
  const before = start === 0 ? '\n' : readTexts(fd, start - 1, start).length === 0 ? '\n' : 'x'
  if (!lastEntry || lastEntry.hash !== checkpoint.hash || before !== '\n') return null
  const from = { seq: checkpoint.seq, hash: checkpoint.hash, keyed: checkpoint.keyed, line: checkpoint.lines }
  const checker = new ChainChecker(mac, from, ctx.anchorSeq)
  const state = JournalState.fromJson(checkpoint.state, read!.facts)
  lines.end = checkpoint.bytes
  let tornTail = false
  for (const line of scanLines(fd, checkpoint.bytes, size)) {
    if (!line.complete && parseEntry(line.text) === null) {
      // a torn last write: keep a copy, cut it off (as the durable file does at a whole read)
      ctx.file.keepCopy('torn', 1, `torn:${sha256(line.text).slice(0, 8)}:${line.offset}`)
      truncateSync(ctx.path, line.offset)
      tornTail = true
      break
    }
    lines.offsets.push(line.offset)
    const entry = checker.feed(line.text)
    if (entry) state.apply(entry, lines.count - 1)
    lines.end = line.complete ? line.offset + Buffer.byteLength(line.text) + 1 : size
    lines.needsNewline = !line.complete
  }
  ctx.file.resume(lines.end, lines.count, lines.needsNewline)
  const breaks = [...checkpoint.breaks, ...checker.breaks]
  return { state, checker, breaks, entriesBefore: checkpoint.entries, tornTail }
}

/** The whole file: the durable file's own checks and repairs, then every line. */
export function startWhole(ctx: StartContext): Started {
  const { lines } = ctx
  const read = ctx.file.open(isJsonObject)
  lines.offsets.reset()
  const state = new JournalState()
  const checker = new ChainChecker(ctx.mac, null, ctx.anchorSeq)
  const size = fileSize(ctx.path) ?? 0
  lines.needsNewline = false
  for (const line of size > 0 ? scanLines(lines.reader(), 0, size) : []) {
    lines.offsets.push(line.offset)
    const entry = checker.feed(line.text)
    if (entry) state.apply(entry, lines.count - 1)
    lines.needsNewline = !line.complete
  }
  lines.end = size
  // a broken chain is damage only the journal can see: keep a copy of the evidence (once) and say so
  const first = checker.breaks[0]
  if (first && !read.damage) ctx.file.keepCopy('damaged', 1, `chain:${first.reason}:${first.fingerprint}`)
  return { state, checker, breaks: checker.breaks, entriesBefore: 0, tornTail: read.damage?.kind === 'torn' }
}

function fileSize(path: string): number | null {
  try {
    const stat = statSync(path)
    return stat.isFile() ? stat.size : null
  } catch {
    return null
  }
}

/** A journal line reads when it is a JSON object; whether it is a good entry is the chain check's call. */
function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null && !Array.isArray(value)
  } catch {
    return false
  }
}
