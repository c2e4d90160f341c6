import { beforeAll, describe, expect, it } from 'vitest'

// Vitest serves CSS (even ?raw) as an empty module: read the file itself. The module name
// is a variable so the web tsconfig, which has no Node types, does not try to resolve it.
const fsModule = 'node:fs'
let css = ''
beforeAll(async () => {
  const fs = (await import(/* @vite-ignore */ fsModule)) as { readFileSync: (path: string, encoding: 'utf8') => string }
  // vitest runs from the repository root (vitest.config.mts)
  css = ['src/renderer/src/app/styles.css', 'src/renderer/src/shared/print.css']
    .map((file) => fs.readFileSync(file, 'utf8'))
    .join('\n')
})

/** The renderer's stylesheets (the app's and the print pipeline's) as the browser reads them. */
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
    expect(declared(rules(), '.print-doc-voucher', 'display')).toBe('none')
  })

  it('prints only the voucher: the whole window is hidden, the voucher shown when named', () => {
    const inside = rules()
      .filter((rule): rule is CSSMediaRule => rule instanceof CSSMediaRule && rule.media.mediaText === 'print')
      .flatMap((rule) => [...rule.cssRules])
    expect(inside.length).toBeGreaterThan(0)
    expect(declared(inside, '#root', 'display')).toBe('none')
    expect(declared(inside, "html[data-print='voucher'] .print-doc-voucher", 'display')).toBe('block')
  })
})
