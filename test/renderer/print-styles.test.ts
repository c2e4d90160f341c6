import { beforeAll, describe, expect, it } from 'vitest'

// Vitest serves CSS (even ?raw) as an empty module: read the file itself. The module name
// is a variable so the web tsconfig, which has no Node types, does not try to resolve it.
const fsModule = 'node:fs'
let css = ''
beforeAll(async () => {
  const fs = (await import(/* @vite-ignore */ fsModule)) as { readFileSync: (path: string, encoding: 'utf8') => string }
  // vitest runs from the repository root (vitest.config.mts)
  // the base, then the LuxCore panel's own stylesheet (it holds the voucher's rules)
  css =
    fs.readFileSync('src/renderer/src/app/styles.css', 'utf8') +
    fs.readFileSync('src/renderer/src/features/luxcore/luxcore.css', 'utf8')
})

/** The renderer's stylesheet as the browser reads it. */
function rules(): CSSRule[] {
  const style = document.createElement('style')
  style.textContent = css
  document.head.append(style)
  const all = [...(style.sheet?.cssRules ?? [])]
  style.remove()
  return all
}

const declared = (list: CSSRule[], selector: string, property: string): string | undefined =>
  list
    .filter(
      (rule): rule is CSSStyleRule =>
        rule instanceof CSSStyleRule && rule.selectorText.split(/\s*,\s*/).includes(selector)
    )
    .map((rule) => rule.style.getPropertyValue(property))
    .find((value) => value !== '')

describe('the print stylesheet', () => {
  it('hides the voucher on screen', () => {
    expect(declared(rules(), '.print-voucher', 'display')).toBe('none')
  })

  it('prints only the voucher: the whole window is hidden, the voucher shown', () => {
    const print = rules().filter(
      (rule): rule is CSSMediaRule => rule instanceof CSSMediaRule && rule.media.mediaText === 'print'
    )
    expect(print.length).toBeGreaterThan(0)
    const inside = print.flatMap((rule) => [...rule.cssRules])
    expect(declared(inside, '#root', 'display')).toBe('none')
    expect(declared(inside, '.print-voucher', 'display')).toBe('block')
  })
})
