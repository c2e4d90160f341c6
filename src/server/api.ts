import type pg from 'pg'
import { BatchBodySchema, HeartbeatBodySchema, LEDGER_PATHS } from '@shared/ledger-protocol'
import { enrol } from './ledger/enrol'
import { openEnvelope, readBody } from './ledger/envelope'
import { recordHeartbeat } from './ledger/heartbeat'
import { ingestBatch } from './ledger/ingest'
import { Refusal } from './ledger/refusal'

/** The counters' API: enrolment, signed batches, signed heartbeats. JSON in, JSON out. */
export async function handleApi(pool: pg.Pool, timeZone: string, path: string, body: unknown): Promise<unknown> {
  switch (path) {
    case LEDGER_PATHS.enrol:
      return enrol(pool, body)
    case LEDGER_PATHS.batch: {
      const envelope = await openEnvelope(pool, path, body)
      const { entries } = readBody(envelope, BatchBodySchema)
      return ingestBatch(pool, envelope.terminalId, entries, timeZone)
    }
    case LEDGER_PATHS.heartbeat: {
      const envelope = await openEnvelope(pool, path, body)
      await recordHeartbeat(pool, envelope.terminalId, readBody(envelope, HeartbeatBodySchema))
      return { ok: true }
    }
    default:
      throw new Refusal(404, 'notFound')
  }
}
