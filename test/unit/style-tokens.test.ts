import { readFileSync, readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(__dirname, '../../src/renderer/src')
const cssFiles = (readdirSync(root, { recursive: true }) as string[])
  .filter((file) => file.endsWith('.css'))
  .map((file) => join(root, file))

/** Colours are named once, as variables in app/styles.css's :root; rules use the names. */
describe('style tokens', () => {
  it('finds the stylesheets', () => {
    expect(cssFiles.length).toBeGreaterThanOrEqual(4)
  })

  it('uses no raw hex colour outside the :root block', () => {
    const offenders: string[] = []
    for (const file of cssFiles) {
      const text = readFileSync(file, 'utf8').replace(/:root\s*\{[^}]*\}/, '')
      text.split('\n').forEach((line, index) => {
        if (/#[0-9a-f]{3,8}\b/i.test(line)) offenders.push(`${relative(root, file)}:${index + 1}: ${line.trim()}`)
      })
    }
    expect(offenders).toEqual([])
  })
})
