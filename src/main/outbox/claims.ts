/**
 * How many attempts run at once. An attempt first claims its item (writes it "sending"), then
 * waits for a lane: at most `concurrency` requests to the providers at once. One lane's worth
 * of items beyond the lanes is claimed ahead, so a lane that frees up sends at once instead
 * of waiting for the next claim's fsync.
 */
export class Claims {
  /** attempts under way: each holds its item "sending" on disk */
  private claimed = 0
  private lanesBusy = 0
  private laneWaiters: (() => void)[] = []

  constructor(private readonly concurrency: number) {}

  /** No more attempts may start until one ends. */
  get full(): boolean {
    return this.claimed >= 2 * this.concurrency
  }

  claim(): void {
    this.claimed++
  }

  unclaim(): void {
    this.claimed--
  }

  /** Waits for a free lane. */
  lane(): Promise<void> {
    if (this.lanesBusy < this.concurrency) {
      this.lanesBusy++
      return Promise.resolve()
    }
    return new Promise((resolve) => this.laneWaiters.push(resolve))
  }

  /** Hands the lane to the next claim waiting for one, or frees it. */
  freeLane(): void {
    const next = this.laneWaiters.shift()
    if (next) next()
    else this.lanesBusy--
  }
}
