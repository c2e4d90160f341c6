import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { operationPath } from '@shared/bridge-protocol'
import { operationNames, parseInput, type OperationName } from '@shared/contract'
import { AppErrorSchema } from '@shared/errors'
import { FakeLuka } from '../../src/main/training/fake-luka'
import { FakeLuxcore } from '../../src/main/training/fake-luxcore'
import { postRaw, startHarness, type HarnessUnderTest } from '../helpers/harness'
import { fieldRules, malformedInput, samples } from '../helpers/hostile-inputs'

/**
 * Property tests (fast-check) of the contract and the harness bridge: malformed input of every
 * kind must come back as a contract error — never a throw, never a 5xx, never a provider call.
 * Each run draws fresh inputs; a failure prints the seed and the smallest input that breaks it.
 */

const CONTRACT_RUNS = 1_000
const BRIDGE_RUNS = 300

// operations that take no input: anything sent to them is malformed
const noInput = operationNames.filter((name) => parseInput(name, undefined).ok)

const isContractRefusal = (value: unknown): boolean => {
  const result = value as { ok?: unknown; error?: unknown }
  return result?.ok === false && AppErrorSchema.safeParse(result.error).success
}

describe('the contract refuses every malformed input with a contract error', () => {
  it('has a valid sample for every operation that takes input (so each mutation is one broken rule)', () => {
    for (const [name, sample] of Object.entries(samples)) {
      expect([name, parseInput(name as OperationName, sample.valid).ok]).toEqual([name, true])
    }
    const covered = new Set([...Object.keys(samples), ...noInput])
    expect(operationNames.filter((name) => !covered.has(name))).toEqual([])
  })

  it(`${CONTRACT_RUNS} inputs: VALIDATION, never a throw`, () => {
    const broken = new Set<string>()
    fc.assert(
      fc.property(malformedInput(noInput), ({ name, input, breaks }) => {
        broken.add(breaks)
        const result = parseInput(name, input)
        expect(result.ok, `${name} accepted ${breaks}`).toBe(false)
        expect(!result.ok && result.error.code).toBe('VALIDATION')
        expect(AppErrorSchema.safeParse(!result.ok && result.error).success).toBe(true)
      }),
      { numRuns: CONTRACT_RUNS }
    )
    // every field rule, and both shape rules, were tried in the run
    expect(broken.size).toBe(fieldRules.length + 2)
  })
})

describe('the harness bridge answers every malformed request with a contract error and never a 5xx', () => {
  let luka: FakeLuka
  let lux: FakeLuxcore
  let harness: HarnessUnderTest

  beforeAll(async () => {
    luka = new FakeLuka()
    await luka.start()
    lux = new FakeLuxcore()
    await lux.start()
    harness = await startHarness(luka.url, { LUXCORE_BASE_URL: lux.url, LUXCORE_API_KEY: lux.apiKey })
  })

  afterAll(async () => {
    await harness.close()
    await lux.stop()
    await luka.stop()
  })

  const utf8 = (text: string) => Buffer.from(text, 'utf8')
  const anyOperation = fc.constantFrom(...operationNames)
  // byte sequences no UTF-8 decoder may accept: stray continuation, overlong, surrogate, past U+10FFFF, cut short
  const invalidUtf8 = fc.constantFrom(
    [0x80],
    [0xc0, 0xaf],
    [0xed, 0xa0, 0x80],
    [0xf4, 0x90, 0x80, 0x80],
    [0xff],
    [0xe2, 0x82]
  )
  const notAnObject = fc.oneof(
    fc.constant('null'),
    fc.json().filter((text) => {
      const value: unknown = JSON.parse(text)
      return typeof value !== 'object' || value === null || Array.isArray(value)
    })
  )
  const brokenJson = fc.string({ minLength: 1 }).filter((text) => {
    if (text.trim() === '') return false
    try {
      JSON.parse(text)
      return false
    } catch {
      return true
    }
  })

  type Case = { name: OperationName; pieces: Buffer[]; status: number; reason?: string }
  const requests: fc.Arbitrary<Case> = fc.oneof(
    malformedInput(noInput).chain(({ name, input }) =>
      // the same body, whole or cut into pieces at any byte (multi-byte characters included)
      fc.integer({ min: 0, max: 3 }).map((cuts) => {
        const body = utf8(JSON.stringify({ input }))
        const step = Math.max(1, Math.ceil(body.length / (cuts + 1)))
        const pieces = Array.from({ length: Math.ceil(body.length / step) }, (_, i) =>
          body.subarray(i * step, (i + 1) * step)
        )
        return { name, pieces, status: 200 }
      })
    ),
    fc.record({ name: anyOperation, text: notAnObject }).map(({ name, text }) => ({
      name,
      pieces: [utf8(text)],
      status: 400,
      reason: 'json'
    })),
    fc.record({ name: anyOperation, text: brokenJson }).map(({ name, text }) => ({
      name,
      pieces: [utf8(text)],
      status: 400,
      reason: 'json'
    })),
    fc.record({ name: anyOperation, bad: invalidUtf8, at: fc.nat(30) }).map(({ name, bad, at }) => {
      const body = utf8('{"input":{"by":"reference","value":"R-ñandú-7"}}')
      const cut = Math.min(at, body.length)
      return {
        name,
        pieces: [body.subarray(0, cut), Buffer.from(bad), body.subarray(cut)],
        status: 400,
        reason: 'encoding'
      }
    })
  )

  it(`${BRIDGE_RUNS} requests: a contract error, never a 5xx, and no provider ever called`, async () => {
    const providerCalls = () => luka.requests.filter((r) => !r.path.endsWith('/login')).length + lux.requests.length
    const before = providerCalls()
    const statuses = new Map<number, number>()
    await fc.assert(
      fc.asyncProperty(requests, async ({ name, pieces, status, reason }) => {
        const reply = await postRaw(harness.origin, operationPath(name), pieces)
        statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1)
        expect(reply.status).toBe(status)
        expect(isContractRefusal(reply.body), JSON.stringify(reply.body)).toBe(true)
        expect((reply.body as { error: { code: string } }).error.code).toBe('VALIDATION')
        if (reason) expect((reply.body as { error: { reason?: string } }).error.reason).toBe(reason)
      }),
      { numRuns: BRIDGE_RUNS }
    )
    expect([...statuses.keys()].every((status) => status < 500)).toBe(true)
    expect(providerCalls()).toBe(before)
  })
})
