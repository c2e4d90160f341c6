/// <reference types="node" />
import { readFileSync, readdirSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(__dirname, '../../src/renderer/src')
const files = (readdirSync(root, { recursive: true }) as string[]).map((file) => file.split('\\').join('/'))
const cssFiles = files.filter((file) => file.endsWith('.css')).map((file) => join(root, file))
const sourceFiles = files.filter((file) => /\.tsx?$/.test(file))

/** Which owner a file belongs to: `features/<name>`, 'shared', 'customer', or 'app' (with main.tsx). */
function ownerOf(file: string): string {
  const path = relative(root, file).split('\\').join('/')
  const feature = /^features\/([^/]+)\//.exec(path)
  if (feature) return `features/${feature[1]}`
  return ['shared', 'customer'].find((owner) => path.startsWith(`${owner}/`)) ?? 'app'
}
const isBase = (file: string): boolean => ['app', 'shared'].includes(ownerOf(file))

const withoutComments = (css: string): string => css.replace(/\/\*[\s\S]*?\*\//g, '')

/** The classes a stylesheet's selectors name (declarations and at-rule preludes left out). */
function selectorClasses(css: string): Set<string> {
  const classes = new Set<string>()
  for (const match of withoutComments(css).matchAll(/([^{}]+)\{/g)) {
    const selector = match[1]!.trim()
    if (selector.startsWith('@')) continue
    for (const name of selector.matchAll(/\.([a-zA-Z][\w-]*)/g)) classes.add(name[1]!)
  }
  return classes
}

/**
 * The classes a feature's components put on elements: the words of every className string, and for
 * a template (`deposit-row-${state}`) its fixed prefix, which any class starting with it matches.
 */
function usedClasses(owner: string): { words: Set<string>; prefixes: string[] } {
  const words = new Set<string>()
  const prefixes: string[] = []
  for (const file of sourceFiles.filter((name) => ownerOf(join(root, name)) === owner)) {
    const source = readFileSync(join(root, file), 'utf8')
    for (const text of classNameStrings(source)) {
      for (const word of text.replace(/\$\{[^}]*\}/g, '\u0000').split(/\s+/)) {
        if (word.endsWith('\u0000')) prefixes.push(word.slice(0, -1))
        else if (word && !word.includes('\u0000')) words.add(word)
      }
    }
  }
  return { words, prefixes }
}

/** Every string literal in a className: `"a b"`, or inside `{...}` (conditionals, templates). */
function classNameStrings(source: string): string[] {
  const strings: string[] = []
  for (const match of source.matchAll(/className=("[^"]*"|\{)/g)) {
    if (match[1] !== '{') {
      strings.push(match[1]!.slice(1, -1))
      continue
    }
    let depth = 0
    let end = match.index + match[0].length - 1
    do {
      const char = source[end++]
      if (char === '{') depth++
      else if (char === '}') depth--
    } while (depth > 0 && end < source.length)
    const expression = source.slice(match.index + match[0].length, end - 1)
    // templates, and quoted strings anywhere, also inside a template's `${a ? 'x' : 'y'}`
    for (const literal of expression.matchAll(/`([^`]*)`/g)) strings.push(literal[1]!)
    for (const literal of expression.matchAll(/'([^']*)'|"([^"]*)"/g)) strings.push(literal[1] ?? literal[2] ?? '')
  }
  return strings
}

const uses = (used: { words: Set<string>; prefixes: string[] }, name: string): boolean =>
  used.words.has(name) || used.prefixes.some((prefix) => prefix && name.startsWith(prefix))

const featureCss = cssFiles.filter((file) => ownerOf(file).startsWith('features/'))
const baseClasses = new Set(cssFiles.filter(isBase).flatMap((file) => [...selectorClasses(readFileSync(file, 'utf8'))]))

/** Colours are named once, as variables in app/styles.css's :root; rules use the names. */
describe('style tokens', () => {
  it('finds the stylesheets', () => {
    expect(cssFiles.length).toBeGreaterThanOrEqual(4)
    expect(featureCss.length).toBeGreaterThanOrEqual(8)
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

  it('gives a feature stylesheet no colour of its own: no hex, rgb() or hsl(), no :root of tokens', () => {
    const offenders: string[] = []
    for (const file of featureCss) {
      withoutComments(readFileSync(file, 'utf8'))
        .split('\n')
        .forEach((line, index) => {
          if (/#[0-9a-f]{3,8}\b|\b(rgba?|hsla?)\(|:root\b/i.test(line)) {
            offenders.push(`${relative(root, file)}:${index + 1}: ${line.trim()}`)
          }
        })
    }
    expect(offenders).toEqual([])
  })
})

/**
 * Styles by owner: a panel's stylesheet arrives with its lazily loaded code, so a feature may style
 * only what it renders, and may lean only on the base (app/, shared/), which is always there first.
 */
describe('styles by owner', () => {
  it("styles in a feature's stylesheet only classes the feature renders, itself or through a shared component", () => {
    const shared = usedClasses('shared')
    const offenders: string[] = []
    for (const file of featureCss) {
      const used = usedClasses(ownerOf(file))
      for (const name of selectorClasses(readFileSync(file, 'utf8'))) {
        if (!uses(used, name) && !uses(shared, name)) offenders.push(`${relative(root, file)}: .${name}`)
      }
    }
    expect(offenders).toEqual([])
  })

  it("uses in a feature no class that only another feature's stylesheet defines", () => {
    const owners = new Map<string, string[]>()
    for (const file of featureCss) {
      for (const name of selectorClasses(readFileSync(file, 'utf8'))) {
        if (!baseClasses.has(name)) owners.set(name, [...(owners.get(name) ?? []), ownerOf(file)])
      }
    }
    const features = [...new Set(sourceFiles.map((file) => ownerOf(join(root, file))))].filter((owner) =>
      owner.startsWith('features/')
    )
    const offenders: string[] = []
    for (const feature of features) {
      const used = usedClasses(feature)
      for (const [name, definedBy] of owners) {
        if (uses(used, name) && !definedBy.includes(feature)) offenders.push(`${feature} uses .${name} of ${definedBy}`)
      }
    }
    expect(offenders).toEqual([])
  })

  it('imports each stylesheet once, from a file beside it (the base from main.tsx, first)', () => {
    const imports = new Map<string, string[]>()
    for (const file of sourceFiles) {
      const source = readFileSync(join(root, file), 'utf8')
      for (const match of source.matchAll(/^import '([^']+\.css)'/gm)) {
        const target = join(dirname(join(root, file)), match[1]!)
        imports.set(target, [...(imports.get(target) ?? []), file])
        if (file !== 'main.tsx' && file !== 'customer/main.tsx' && !match[1]!.startsWith('./')) {
          imports.set('far', [...(imports.get('far') ?? []), `${file} imports ${match[1]}`])
        }
      }
    }
    expect(imports.get('far') ?? []).toEqual([])
    for (const file of cssFiles) expect(imports.get(file), relative(root, file)).toHaveLength(1)
    const main = readFileSync(join(root, 'main.tsx'), 'utf8')
    expect(main.indexOf("import './app/styles.css'")).toBeLessThan(main.indexOf("from './app/App'"))
  })
})
