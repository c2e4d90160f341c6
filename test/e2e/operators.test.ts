import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { JournalEntry } from '@shared/books'
import type { FakeLuka } from '../../src/main/training/fake-luka'
import { harnessEnv, openCounter, startHarness, startLuka, stopAll, useChromium, type RunningHarness } from './support'

/**
 * Operators through `npm run harness` in Chromium, keyboard only (no click in this file): the
 * first supervisor, a teller added with the supervisor's PIN, the teller signs in and approves
 * a payment, the idle lock (0.1 min), unlock, and a discard the supervisor approves on the spot.
 */
const browser = useChromium()
let luka: FakeLuka
let harness: RunningHarness
let page: Page

beforeEach(async () => {
  luka = await startLuka([
    { id: 96336, reference: '6567704', amount: 16.03, currency: 'USD' },
    { id: 96337, reference: '6567705', amount: 250.5, currency: 'USD' }
  ])
  harness = await startHarness(harnessEnv(luka, { TAQUILLA_LANG: 'en', TAQUILLA_IDLE_LOCK_MINUTES: '0.1' }))
  page = await openCounter(browser(), harness)
})

afterEach(() => stopAll(page, harness, luka))

const focusedLabel = () =>
  page.evaluate(() => {
    const active = document.activeElement
    return active?.id ? (document.querySelector(`label[for="${active.id}"]`)?.textContent ?? '') : ''
  })

const journal = (): JournalEntry[] =>
  readFileSync(join(harness.dataDir, 'journal.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as JournalEntry)

async function supervisorApproves(): Promise<void> {
  const prompt = page.getByRole('dialog', { name: 'Supervisor approval' })
  await prompt.waitFor()
  await expect.poll(focusedLabel).toBe('Supervisor PIN')
  await page.keyboard.type('2468')
  await page.keyboard.press('Enter')
  await prompt.waitFor({ state: 'detached' })
}

describe('operators in Chromium, keyboard only', () => {
  it('first supervisor, a teller, sign-in, a payment, idle lock, unlock, a discard with the supervisor PIN', async () => {
    await page.getByText('Sign-in: off').waitFor()

    // Settings → Operators (Alt+O): the first account, a supervisor (nobody to ask yet)
    await page.keyboard.press('Alt+O')
    const operators = page.getByRole('dialog', { name: 'Operators' })
    await operators.waitFor()
    await expect.poll(focusedLabel).toBe('Name')
    await page.keyboard.type('Ana')
    await page.keyboard.press('Tab') // Role is fixed to supervisor for the first account
    await expect.poll(focusedLabel).toBe('PIN')
    await page.keyboard.type('2468')
    await page.keyboard.press('Tab')
    await expect.poll(focusedLabel).toBe('Repeat PIN')
    await page.keyboard.type('2468')
    await page.keyboard.press('Enter')

    // sign-in is on now: the counter gives way to the sign-in screen
    const signIn = page.getByRole('region', { name: 'Sign in' })
    await signIn.waitFor()
    expect(await page.getByRole('search').count()).toBe(0)
    await expect.poll(focusedLabel).toBe('PIN')
    await page.keyboard.type('2468')
    await page.keyboard.press('Enter')
    await page.getByRole('search').waitFor()

    // add a teller: the supervisor's PIN on the spot
    await page.keyboard.press('Alt+O')
    await operators.waitFor()
    await expect.poll(focusedLabel).toBe('Name')
    await page.keyboard.type('Tomas')
    await page.keyboard.press('Tab')
    await expect.poll(focusedLabel).toBe('Role')
    await page.keyboard.press('Tab')
    await page.keyboard.type('1357')
    await page.keyboard.press('Tab')
    await page.keyboard.type('1357')
    await page.keyboard.press('Enter')
    await supervisorApproves()
    await operators.getByText('Operator added.').waitFor()
    await page.keyboard.press('Escape')

    // sign out (Alt+Q), then the teller signs in: ↓ picks Tomas
    await page.keyboard.press('Alt+Q')
    await signIn.waitFor()
    await expect.poll(focusedLabel).toBe('Operator')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Tab')
    await page.keyboard.type('1357')
    await page.keyboard.press('Enter')
    await page.getByRole('search').waitFor()
    await page.getByRole('contentinfo').getByText('Tomas').waitFor()

    // approve a payment
    await page.keyboard.type('6567704')
    await page.keyboard.press('Enter')
    await page.getByRole('region', { name: 'Payment found' }).waitFor()
    await page.keyboard.press('F8')
    await page.getByRole('dialog').waitFor()
    await page.keyboard.press('Enter')
    await page.getByText('Delivered to Luka', { exact: true }).first().waitFor()
    expect(luka.notifiesFor(96336)).toHaveLength(1)

    // another one, while Luka is down: it waits in the outbox (discarded below)
    await page.keyboard.type('6567705')
    await page.keyboard.press('Enter')
    await page.getByRole('region', { name: 'Payment found' }).waitFor()
    await luka.stop()
    await page.keyboard.press('F8')
    await page.getByRole('dialog').waitFor()
    await page.keyboard.press('Enter')
    await page.getByText('Queued — it will be delivered to Luka automatically').first().waitFor()

    // idle lock after 6 s without input: no customer data on screen; the same teller unlocks
    const locked = page.getByRole('region', { name: 'Locked' })
    await locked.waitFor({ timeout: 20_000 })
    expect(await page.getByRole('region', { name: 'Payment found' }).count()).toBe(0)
    for (const text of ['6567704', '6567705', '250.50', '16.03']) {
      expect(await page.locator('body').textContent()).not.toContain(text)
    }
    await expect.poll(focusedLabel).toBe('PIN')
    await page.keyboard.type('1357')
    await page.keyboard.press('Enter')
    await page.getByRole('search').waitFor()

    // the decision queued before the lock, discarded with the supervisor's PIN
    await page.keyboard.press('F6')
    const outbox = page.getByRole('dialog', { name: 'Outbox' })
    await outbox.waitFor()
    await outbox.getByText('Luka 96337').first().waitFor()
    await page.keyboard.press('Delete')
    await expect.poll(focusedLabel).toBe('Discard reason')
    await page.keyboard.type('customer left')
    await page.keyboard.press('Enter')
    await supervisorApproves()
    await page.getByText('Item discarded.').first().waitFor()

    const entries = journal()
    const tomas = entries.find((entry) => entry.action === 'operatorSignIn' && entry.operator === 'Tomas')
    expect(tomas?.operatorId).toBeTruthy()
    expect(entries.find((entry) => entry.action === 'decision')).toMatchObject({
      operator: 'Tomas',
      operatorId: tomas?.operatorId
    })
    expect(entries.filter((entry) => entry.action === 'counterLocked').map((entry) => entry.detail['reason'])).toEqual([
      'idle'
    ])
    const approvals = entries.filter((entry) => entry.action === 'supervisorApproval')
    expect(approvals.map((entry) => [entry.result, entry.detail['action'], entry.detail['supervisor']])).toEqual([
      ['approved', 'operatorsManage', 'Ana'],
      ['approved', 'outboxDiscard', 'Ana']
    ])
    expect(approvals[1]).toMatchObject({ operator: 'Tomas' })
    await expect.poll(() => journal().some((entry) => entry.action === 'outboxDiscarded')).toBe(true)
    expect(luka.notifiesFor(96337)).toHaveLength(0)
  })
})
