import { AppFailure, type AppError } from '@shared/errors'

/** The AppError a promise fails with; fails the test if it resolves or throws anything else. */
export async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise
  } catch (cause) {
    if (cause instanceof AppFailure) return cause.error
    throw cause
  }
  throw new Error('expected a failure')
}
