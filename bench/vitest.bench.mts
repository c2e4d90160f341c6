import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

// Benchmarks run as plain scripts under vitest (they use the TypeScript fakes); they measure
// and print figures, they assert nothing. `npm run bench` builds first.
export default defineConfig({
  resolve: { alias: { '@shared': resolve('src/shared') } },
  test: {
    include: ['bench/**/*.bench.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 120_000
  }
})
