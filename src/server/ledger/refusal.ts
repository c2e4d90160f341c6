/** A request the server refuses: an HTTP status and a word the counter (and the tests) can act on. */
export class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail?: unknown
  ) {
    super(code)
  }
}
