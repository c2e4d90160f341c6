import { randomBytes } from 'node:crypto'
import type { Env } from '../settings/settings'
import { FakeLuka } from './fake-luka'
import { FakeLuxcore } from './fake-luxcore'
import { seedLuka, seedLuxcore } from './seed'

/**
 * Training mode's providers: the same Luka and LuxCore simulators the tests run against, in
 * this process on 127.0.0.1 (a free port), seeded with payments to practise on. Their
 * credentials are made up at every start, so nothing real can ever be sent to them.
 */
export interface Simulators {
  luka: FakeLuka
  luxcore: FakeLuxcore
  /** the provider settings that point the services at the simulators */
  providerEnv: Env
  stop(): Promise<void>
}

export async function startSimulators(): Promise<Simulators> {
  const luka = new FakeLuka({ username: 'practica', password: randomBytes(12).toString('hex') })
  const luxcore = new FakeLuxcore()
  luxcore.apiKey = `qp_test_sk_training_${randomBytes(8).toString('hex')}`
  luxcore.completeAfterMs = 20_000 // a trainee sees a deposit's status move on by itself
  seedLuka(luka)
  seedLuxcore(luxcore)
  await luka.start()
  await luxcore.start()
  return {
    luka,
    luxcore,
    providerEnv: {
      LUKA_BASE_URL: luka.url,
      LUKA_USERNAME: luka.options.username,
      LUKA_PASSWORD: luka.options.password,
      LUXCORE_BASE_URL: luxcore.url,
      LUXCORE_API_KEY: luxcore.apiKey
    },
    async stop() {
      await Promise.all([luka.stop(), luxcore.stop()])
    }
  }
}
