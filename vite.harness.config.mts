import { resolve } from 'node:path'
import { defineConfig } from 'vite'

// Browser mode: the same main-process services, served over a loopback HTTP bridge in plain Node.
export default defineConfig({
  resolve: { alias: { '@shared': resolve('src/shared') } },
  build: {
    ssr: resolve('src/harness/index.ts'),
    outDir: 'out/harness',
    emptyOutDir: true,
    target: 'node20',
    rollupOptions: { output: { format: 'es', entryFileNames: 'index.mjs' } }
  }
})
