import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '@shared/csp'
import html from '../../src/renderer/index.html?raw'

const page = new DOMParser().parseFromString(html, 'text/html')

describe('index.html', () => {
  it('carries exactly the shared Content-Security-Policy', () => {
    const meta = page.querySelector('meta[http-equiv="Content-Security-Policy"]')
    expect(meta?.getAttribute('content')).toBe(CONTENT_SECURITY_POLICY)
  })

  it('is Spanish, has the root, loads one module script and nothing inline', () => {
    expect(page.documentElement.lang).toBe('es')
    expect(page.getElementById('root')).not.toBeNull()
    const scripts = [...page.querySelectorAll('script')]
    expect(scripts.map((script) => [script.type, script.getAttribute('src')])).toEqual([['module', '/src/main.tsx']])
    expect(scripts.every((script) => script.textContent?.trim() === '')).toBe(true)
    expect(page.querySelectorAll('style, [style]')).toHaveLength(0)
  })
})
