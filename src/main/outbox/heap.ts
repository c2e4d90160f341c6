/** A min-heap of (time, id) — due outbox items come out first. Stale entries are skipped by the caller. */
export class DueHeap {
  private readonly entries: { at: number; id: string }[] = []

  get size(): number {
    return this.entries.length
  }

  push(at: number, id: string): void {
    const entries = this.entries
    entries.push({ at, id })
    let index = entries.length - 1
    while (index > 0) {
      const parent = (index - 1) >> 1
      if (entries[parent]!.at <= entries[index]!.at) break
      ;[entries[parent], entries[index]] = [entries[index]!, entries[parent]!]
      index = parent
    }
  }

  peek(): { at: number; id: string } | undefined {
    return this.entries[0]
  }

  pop(): { at: number; id: string } | undefined {
    const entries = this.entries
    const top = entries[0]
    const last = entries.pop()
    if (entries.length > 0 && last) {
      entries[0] = last
      let index = 0
      for (;;) {
        const left = index * 2 + 1
        const right = left + 1
        let smallest = index
        if (left < entries.length && entries[left]!.at < entries[smallest]!.at) smallest = left
        if (right < entries.length && entries[right]!.at < entries[smallest]!.at) smallest = right
        if (smallest === index) break
        ;[entries[smallest], entries[index]] = [entries[index]!, entries[smallest]!]
        index = smallest
      }
    }
    return top
  }
}
