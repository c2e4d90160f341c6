import { beforeAll, describe, expect, it } from 'vitest'
import { printTargets, type PrintTarget } from '@renderer/shared/print'

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

/** Every printed document as its component renders it: `.print-doc-<target>` (the voucher with its own type). */
const classOf = (target: PrintTarget): string =>
  target === 'voucher' ? 'print-doc-voucher print-voucher' : `print-doc print-doc-${target}`

/**
 * Which documents the page shows with <html data-print> set to `target` (and data-paper when laid
 * out for a roll): on paper (`media: 'print'`) or on screen, where the roll layout measures it.
 */
function shownWith(target: string | null, { media, paper }: { media: 'print' | 'screen'; paper?: '80' }): string[] {
  const style = document.createElement('style')
  style.textContent = app + print + luxcore
  document.head.append(style)
  const rules = [...(style.sheet?.cssRules ?? [])]
  style.remove()
  const screen = rules.filter((rule): rule is CSSStyleRule => rule instanceof CSSStyleRule)
  const paperRules = rules
    .filter((rule): rule is CSSMediaRule => rule instanceof CSSMediaRule && rule.media.mediaText === 'print')
    .flatMap((rule) => [...rule.cssRules])
    .filter((rule): rule is CSSStyleRule => rule instanceof CSSStyleRule)
  const root = document.documentElement
  if (target) root.dataset['print'] = target
  if (paper) root.dataset['paper'] = paper
  const shown: string[] = []
  try {
    for (const name of printTargets) {
      const element = document.createElement('div')
      element.className = classOf(name)
      document.body.append(element)
      // the last matching declaration wins, !important first (enough for these few rules)
      let display = ''
      let important = false
      for (const rule of media === 'print' ? [...screen, ...paperRules] : screen) {
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
    delete root.dataset['print']
    delete root.dataset['paper']
  }
  return shown
}

describe('the print stylesheet: one pipeline for every document', () => {
  it('prints only the document named on <html data-print>, for every target (the voucher too)', () => {
    expect(printTargets).toEqual(['receipt', 'reprint', 'zreport', 'xreport', 'link', 'voucher', 'test'])
    for (const target of printTargets) expect(shownWith(target, { media: 'print' })).toEqual([target])
  })

  it('lays every target out for the roll the same way (shown off-screen to be measured), nothing else', () => {
    for (const target of printTargets) expect(shownWith(target, { media: 'screen', paper: '80' })).toEqual([target])
    for (const target of printTargets) expect(shownWith(target, { media: 'print', paper: '80' })).toEqual([target])
  })

  it('shows no document on screen', () => {
    expect(shownWith(null, { media: 'screen' })).toEqual([])
  })

  it('with no name (a print the browser starts itself) only an open voucher prints, as before', () => {
    expect(shownWith(null, { media: 'print' })).toEqual(['voucher'])
  })
})
