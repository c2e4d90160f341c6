import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { JournalEntry } from '@shared/books'
import { FakeLuka } from '../../src/main/training/fake-luka'
import { harnessEnv, startHarness, useChromium, type RunningHarness } from './support'

/**
 * A deleted operators.json, through `npm run harness` in Chromium, across starts on one data
 * folder: restored from the copy in the settings (sign-in still required, an incident the
 * supervisor acknowledges); then the file deleted and the copy damaged (the lost-accounts
 * screen, nothing else); then TAQUILLA_RECOVER_OPERATORS=1 (a new first supervisor, signed in).
 */
const browser = useChromium()
let luka: FakeLuka
let harness: RunningHarness | undefined
let page: Page | undefined
let dataDir: string | undefined

beforeEach(async () => {
  luka = new FakeLuka()
  await luka.start()
})

afterEach(async () => {
  await page?.close()
  await harness?.stop()
  await luka.stop()
})

async function open(extra: Record<string, string> = {}): Promise<Page> {
  await page?.close()
  await harness?.stop()
  harness = await startHarness(harnessEnv(luka, { TAQUILLA_LANG: 'en', ...extra }), dataDir)
  dataDir = harness.dataDir
  page = await browser().newPage()
  await page.goto(harness.url)
  return page
}

const journal = (): JournalEntry[] =>
  readFileSync(join(dataDir!, 'journal.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as JournalEntry)

async function signIn(page: Page, pin: string): Promise<void> {
  const region = page.getByRole('region', { name: 'Sign in' })
  await region.waitFor()
  expect(await page.getByRole('search').count()).toBe(0)
  await region.getByLabel('PIN').fill(pin)
  await page.keyboard.press('Enter')
  await page.getByRole('search').waitFor()
}

/** Acknowledges the incident whose text contains `what`, with the supervisor's PIN. */
async function acknowledge(page: Page, what: string, pin: string): Promise<void> {
  const incident = page.getByRole('alert', { name: 'Journal incident' }).filter({ hasText: what })
  await incident.waitFor()
  await incident.getByLabel('Supervisor note').fill('operators.json checked with the installer')
  await incident.getByRole('button', { name: 'Acknowledge incident' }).click()
  const prompt = page.getByRole('dialog', { name: 'Supervisor approval' })
  await prompt.waitFor()
  await prompt.getByLabel('Supervisor PIN').fill(pin)
  await page.keyboard.press('Enter')
  await incident.waitFor({ state: 'detached' })
}

describe('operators.json lost between two starts, in Chromium', () => {
  it('restored from the copy, then lost with the copy, then recovered with the flag', async () => {
    // first start: the first supervisor (sign-in turns on)
    let p = await open()
    await p.getByText('Sign-in: off').waitFor()
    await p.keyboard.press('Alt+O')
    const operators = p.getByRole('dialog', { name: 'Operators' })
    await operators.getByLabel('Name').fill('Ana')
    await operators.getByLabel('PIN', { exact: true }).fill('2468')
    await operators.getByLabel('Repeat PIN').fill('2468')
    await p.keyboard.press('Enter')
    await signIn(p, '2468')

    // second start, operators.json deleted: restored from the copy; sign-in still required; an incident
    rmSync(join(dataDir!, 'operators.json'))
    p = await open()
    await signIn(p, '2468')
    await acknowledge(p, 'the operators file was missing: restored from the copy in the settings', '2468')
    expect(readFileSync(join(dataDir!, 'operators.json'), 'utf8')).toContain('"Ana"')

    // third start, the file deleted and its copy in the settings damaged: locked, nothing else
    await harness!.stop()
    rmSync(join(dataDir!, 'operators.json'))
    const settingsPath = join(dataDir!, 'harness-settings.json')
    const settings = JSON.parse(readFileSync(settingsPath, 'utf8')) as Record<string, { mac: string }>
    settings['operatorsCopy']!.mac = '0'.repeat(64)
    writeFileSync(settingsPath, JSON.stringify(settings))
    p = await open()
    const lost = p.getByRole('region', { name: 'Operator accounts lost' })
    await lost.getByText('Tell whoever installed this counter').waitFor()
    expect(await p.getByRole('search').count()).toBe(0)
    expect(await p.getByLabel('PIN').count()).toBe(0)

    // fourth start, with the recovery flag: a new first supervisor, then sign-in, then the incidents
    p = await open({ TAQUILLA_RECOVER_OPERATORS: '1' })
    const recovery = p.getByRole('region', { name: 'Operator accounts lost' })
    await recovery.getByLabel('Name').fill('Eva')
    await recovery.getByLabel('PIN', { exact: true }).fill('8642')
    await recovery.getByLabel('Repeat PIN').fill('8642')
    await p.keyboard.press('Enter')
    await signIn(p, '8642')
    await acknowledge(p, 'the operator accounts were lost', '8642')
    await acknowledge(p, 'started with --recover-operators', '8642')

    const incidents = journal().filter((entry) => entry.action === 'journalIncident')
    expect(incidents.map((entry) => entry.result)).toEqual(['operatorsMissing', 'operatorsLost', 'operatorsRecovery'])
    const acknowledged = journal().filter((entry) => entry.action === 'incidentAcknowledged')
    expect(acknowledged.map((entry) => entry.detail['approverName'])).toEqual(['Ana', 'Eva', 'Eva'])
    expect(
      journal().find((entry) => entry.action === 'operatorsChanged' && entry.detail['name'] === 'Eva')
    ).toBeTruthy()
  })
})
