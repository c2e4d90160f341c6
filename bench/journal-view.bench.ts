import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import type { JournalEntry } from '@shared/books'
import { GENESIS, entryHash } from '../src/main/journal/journal'
import { launchChromium, startHarness, type RunningHarness } from '../test/e2e/support'

/**
 * Issue 5 figures (renderer side): the journal view (F4) over a journal of 100 000 valid,
 * chained entries, in Chromium through the harness. Time to first rows, then frame times
 * (requestAnimationFrame deltas collected in the page) while AvPág is held, while the list is
 * flung from top to bottom, and under the mouse wheel. Asserts nothing.
 */
const ENTRIES = 100_000
const FRAME_MS = 1000 / 60
const figures: Record<string, unknown> = {}
let harness: RunningHarness
let browser: Browser
let page: Page
let queries = 0

function writeJournal(dir: string): void {
  const lines: string[] = []
  let prev = GENESIS
  const start = Date.parse('2026-11-21T08:00:00Z')
  const push = (body: Omit<JournalEntry, 'hash' | 'prev' | 'seq' | 'at' | 'operator' | 'terminal'>) => {
    const seq = lines.length + 1
    const entry = {
      seq,
      at: new Date(start + seq * 300).toISOString(),
      operator: 'Bench',
      terminal: 'Bench, Taquilla 1',
      prev,
      ...body
    }
    const hash = entryHash(entry)
    lines.push(JSON.stringify({ ...entry, hash }))
    prev = hash
  }
  push({
    action: 'shiftOpened',
    refs: { shiftId: 'bench-shift' },
    amount: null,
    amounts: [{ minor: 100000, currency: 'USD' }],
    result: 'opened',
    detail: {}
  })
  for (let i = 1; lines.length < ENTRIES; i++) {
    const amount = { minor: 100 + ((i * 7919) % 500000), currency: i % 3 === 0 ? 'VES' : 'USD' }
    push({ action: 'lookup', refs: { reference: `R${i}` }, amount: null, amounts: [], result: 'found', detail: {} })
    if (lines.length >= ENTRIES) break
    push({
      action: 'decision',
      refs: { transactionId: i, outboxId: `o${i}` },
      amount,
      amounts: [],
      result: 'accepted',
      detail: { decision: i % 5 === 0 ? 'reject' : 'approve' }
    })
    if (lines.length >= ENTRIES) break
    push({
      action: 'decisionOutcome',
      refs: { transactionId: i, outboxId: `o${i}` },
      amount,
      amounts: [],
      result: i % 50 === 0 ? 'attention' : 'delivered',
      detail: {}
    })
  }
  writeFileSync(join(dir, 'journal.jsonl'), lines.join('\n') + '\n')
}

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN
}
const round = (value: number): number => Number(value.toFixed(1))

interface Frames {
  deltas: number[]
  maxRows: number
}

/** Starts collecting rAF deltas (and the most rows the list ever had in the DOM). */
const startFrames = (): Promise<void> =>
  page.evaluate(() => {
    const w = window as unknown as { frames: { deltas: number[]; maxRows: number; running: boolean } }
    w.frames = { deltas: [], maxRows: 0, running: true }
    let last = performance.now()
    const tick = (now: number): void => {
      if (!w.frames.running) return
      w.frames.deltas.push(now - last)
      last = now
      w.frames.maxRows = Math.max(
        w.frames.maxRows,
        document.querySelectorAll('[role="listbox"] [role="option"]').length
      )
      requestAnimationFrame(tick)
    }
    requestAnimationFrame((now) => {
      last = now
      requestAnimationFrame(tick)
    })
  })

const stopFrames = (): Promise<Frames> =>
  page.evaluate(() => {
    const w = window as unknown as { frames: { deltas: number[]; maxRows: number; running: boolean } }
    w.frames.running = false
    return { deltas: w.frames.deltas, maxRows: w.frames.maxRows }
  })

function frameStats({ deltas, maxRows }: Frames, queriesDuring: number) {
  const over = deltas.filter((ms) => ms > FRAME_MS + 0.05).length
  const missed = deltas.filter((ms) => ms > FRAME_MS * 1.5).length
  return {
    frames: deltas.length,
    p50Ms: round(percentile(deltas, 50)),
    p95Ms: round(percentile(deltas, 95)),
    maxMs: round(Math.max(...deltas)),
    droppedOver16_7Ms: over,
    droppedPercent: round((100 * over) / Math.max(1, deltas.length)),
    missedVsyncOver25Ms: missed,
    maxRowsInDom: maxRows,
    journalQueries: queriesDuring
  }
}

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'taquilla-journal-view-bench-'))
  writeJournal(dir)
  harness = await startHarness(
    { TAQUILLA_TERMINAL: 'Bench, Taquilla 1', TAQUILLA_OPERATOR: 'Bench', TAQUILLA_LANG: 'es' },
    dir
  )
  browser = await launchChromium()
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
  page.on('request', (request) => {
    if (request.url().includes('journal.query')) queries++
  })
  await page.goto(harness.url)
  await page.getByRole('search').waitFor()
})

afterAll(async () => {
  await browser?.close()
  await harness?.stop()
  mkdirSync('bench/results', { recursive: true })
  writeFileSync('bench/results/journal-view.json', JSON.stringify(figures, null, 2))
  console.log('\nBENCH journal-view\n' + JSON.stringify(figures, null, 2))
})

it('journal view over 100 000 entries: first rows, AvPág held, a fling to the end, the wheel', async () => {
  // time from the F4 key press to the first real rows on screen, measured in the page
  await page.evaluate(() => {
    const w = window as unknown as { firstRows: Promise<number> }
    w.firstRows = new Promise((resolve) => {
      let start: number | undefined
      window.addEventListener(
        'keydown',
        (event) => {
          if (event.key === 'F4') start = performance.now()
        },
        true
      )
      const tick = (): void => {
        if (start !== undefined && document.querySelector('[role="listbox"] .journal-seq'))
          resolve(performance.now() - start)
        else requestAnimationFrame(tick)
      }
      requestAnimationFrame(tick)
    })
  })
  await page.keyboard.press('F4')
  const firstRowsMs = await page.evaluate(() => (window as unknown as { firstRows: Promise<number> }).firstRows)
  const list = page.getByRole('listbox', { name: 'Entradas del diario' })
  const total = await page.getByText(/^Entradas: \d+$/).textContent()
  const height = await list.evaluate((element) => ({ scroll: element.scrollHeight, client: element.clientHeight }))

  // AvPág held: a key repeat of 30 a second for 10 s
  let before = queries
  await startFrames()
  for (let i = 0; i < 300; i++) {
    await page.keyboard.press('PageDown')
    await page.waitForTimeout(33)
  }
  const pageDown = frameStats(await stopFrames(), queries - before)
  const reached = await list.evaluate((element) => element.getAttribute('aria-activedescendant'))
  const reachedText = reached ? await page.locator(`[id="${reached}"]`).getAttribute('aria-posinset') : null

  // a fling from where we are to the last entry: 100 rows more every frame
  before = queries
  await startFrames()
  await list.evaluate(
    (element) =>
      new Promise<void>((resolve) => {
        const step = (): void => {
          element.scrollTop += 3_200
          if (element.scrollTop + element.clientHeight >= element.scrollHeight - 1) resolve()
          else requestAnimationFrame(step)
        }
        requestAnimationFrame(step)
      })
  )
  await page.waitForTimeout(300)
  const fling = frameStats(await stopFrames(), queries - before)
  const lastRow = await page.locator('[role="listbox"] [role="option"]').last().textContent()

  // the mouse wheel, back up for a while
  before = queries
  const box = await list.boundingBox()
  if (box) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  await startFrames()
  for (let i = 0; i < 200; i++) {
    await page.mouse.wheel(0, -400)
    await page.waitForTimeout(16)
  }
  const wheel = frameStats(await stopFrames(), queries - before)
  const domNodes = await page.evaluate(() => document.getElementsByTagName('*').length)

  figures.journalView = {
    entries: ENTRIES,
    totalShown: total,
    listPx: height,
    timeToFirstRowsMs: round(firstRowsMs),
    pageDownHeld: { presses: 300, reachedRow: reachedText, ...pageDown },
    flingToEnd: { rowsPerFrame: 100, lastRowText: lastRow, ...fling },
    mouseWheel: { notches: 200, ...wheel },
    domElementsAtEnd: domNodes,
    note: 'frame = requestAnimationFrame delta in headless Chromium (60 Hz); dropped = delta > 16.7 ms (jitter included), missedVsync = delta > 25 ms'
  }
})
