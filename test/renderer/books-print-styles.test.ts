import { beforeAll, describe, expect, it } from 'vitest'

// As in print-styles.test.ts: vitest serves CSS as an empty module, so read the files.
const fsModule = 'node:fs'
let app = ''
let print = ''
let luxcore = ''
beforeAll(async () => {
  const fs = (await import(/* @vite-ignore */ fsModule)) as { readFileSync: (path: string, encoding: 'utf8') => string }
  app = fs.readFileSync('src/renderer/src/app/styles.css', 'utf8')
  print = fs.readFileSync('src/renderer/src/shared/print.css', 'utf8')
  // the LuxCore panel's stylesheet (the voucher) arrives with the panel, after the others
  luxcore = fs.readFileSync('src/renderer/src/features/luxcore/luxcore.css', 'utf8')
})

/** Which documents the page shows, laid out for paper, with <html data-print> set to `target`. */
function printedWith(target: string | null): string[] {
  const style = document.createElement('style')
  style.textContent = app + print + luxcore
  document.head.append(style)
  const rules = [...(style.sheet?.cssRules ?? [])]
  style.remove()
  const screen = rules.filter((rule): rule is CSSStyleRule => rule instanceof CSSStyleRule)
  const paper = rules
    .filter((rule): rule is CSSMediaRule => rule instanceof CSSMediaRule && rule.media.mediaText === 'print')
    .flatMap((rule) => [...rule.cssRules])
    .filter((rule): rule is CSSStyleRule => rule instanceof CSSStyleRule)
  if (target) document.documentElement.dataset['print'] = target
  const shown: string[] = []
  try {
    for (const name of ['voucher', 'receipt', 'reprint', 'zreport']) {
      const element = document.createElement('div')
      element.className = name === 'voucher' ? 'print-voucher' : `print-doc print-doc-${name}`
      document.body.append(element)
      // the last matching declaration wins, !important first (enough for these few rules)
      let display = ''
      let important = false
      for (const rule of [...screen, ...paper]) {
        const value = rule.style.getPropertyValue('display')
        const priority = rule.style.getPropertyPriority('display') === 'important'
        if (!value || !element.matches(rule.selectorText) || (important && !priority)) continue
        display = value
        important = priority
      }
      element.remove()
      if (display === 'block') shown.push(name)
    }
  } finally {
    delete document.documentElement.dataset['print']
  }
  return shown
}

describe('the print stylesheet for receipts and the Z report', () => {
  it('prints only the document named on <html data-print>', () => {
    expect(printedWith('receipt')).toEqual(['receipt'])
    expect(printedWith('reprint')).toEqual(['reprint'])
    expect(printedWith('zreport')).toEqual(['zreport'])
  })

  it('with no name (the browser’s own print, LuxCore’s Ctrl+P) only the voucher prints, as before', () => {
    expect(printedWith(null)).toEqual(['voucher'])
  })
})
