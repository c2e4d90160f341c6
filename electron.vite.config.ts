import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

export default defineConfig({
  main: {
    // electron-store is ESM-only; bundling it keeps the CommonJS main loadable on every Electron.
    build: { externalizeDeps: { exclude: ['electron-store'] } },
    resolve: { alias: { '@shared': resolve('src/shared') } }
  },
  preload: {
    // A sandboxed preload cannot require node_modules: bundle everything into one file.
    build: { externalizeDeps: false },
    resolve: { alias: { '@shared': resolve('src/shared') } }
  },
  renderer: {
    resolve: { alias: { '@shared': resolve('src/shared'), '@renderer': resolve('src/renderer/src') } },
    plugins: [react()],
    // the teller's first paint depends on this bundle: ship it minified
    build: {
      minify: true,
      // two pages: the counter, and the customer display (a second window facing the customer)
      rollupOptions: {
        input: { index: resolve('src/renderer/index.html'), customer: resolve('src/renderer/customer.html') }
      }
    }
  }
})
