import { resolve } from 'node:path'
import { defineConfig } from 'vite'

// The agency server (src/server/): plain Node, no Electron. pg stays an external dependency.
export default defineConfig({
  resolve: { alias: { '@shared': resolve('src/shared') } },
  build: {
    ssr: resolve('src/server/index.ts'),
    outDir: 'out/server',
    emptyOutDir: true,
    target: 'node20',
    rollupOptions: { output: { format: 'es', entryFileNames: 'index.mjs' } }
  }
})
