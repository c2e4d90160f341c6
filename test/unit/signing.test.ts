import { describe, expect, it } from 'vitest'
// @ts-expect-error a plain .mjs script without types
import { signing } from '../../scripts/signing.mjs'

type Signing = (platform: string, env: Record<string, string>) => { args: string[]; note: string }
const sign = signing as Signing

/** Installers are signed from the environment only; without it the build works and says it is unsigned. */
describe('installer signing from the environment', () => {
  it('an unsigned local build still builds and says so, on every platform', () => {
    expect(sign('win', {}).note).toMatch(/^UNSIGNED/)
    expect(sign('mac', {})).toEqual({
      args: ['-c.mac.identity=null', '-c.mac.notarize=false'],
      note: expect.stringMatching(/^UNSIGNED/)
    })
    expect(sign('linux', {}).args).toEqual([])
  })

  it('Windows: signtool with CSC_LINK; Azure Trusted Signing only with all four variables', () => {
    expect(sign('win', { CSC_LINK: '/secure/cert.pfx' })).toEqual({ args: [], note: 'signed with signtool (CSC_LINK)' })
    const azure = { AZURE_SIGN_ENDPOINT: 'https://eus.codesigning.azure.net', AZURE_SIGN_ACCOUNT: 'acct' }
    expect(sign('win', azure).note).toMatch(/^UNSIGNED/)
    const full = sign('win', { ...azure, AZURE_SIGN_PROFILE: 'prof', AZURE_SIGN_PUBLISHER: 'Taquilla C.A.' })
    expect(full.args).toEqual([
      '-c.win.azureSignOptions.endpoint=https://eus.codesigning.azure.net',
      '-c.win.azureSignOptions.codeSigningAccountName=acct',
      '-c.win.azureSignOptions.certificateProfileName=prof',
      '-c.win.azureSignOptions.publisherName=Taquilla C.A.'
    ])
  })

  it('macOS: Developer ID from CSC_LINK or CSC_NAME; notarized only with a complete APPLE_* set', () => {
    expect(sign('mac', { CSC_NAME: 'Taquilla C.A. (ABCDE12345)' })).toEqual({
      args: ['-c.mac.notarize=false'],
      note: expect.stringContaining('NOT notarized')
    })
    expect(sign('mac', { CSC_LINK: 'x.p12', APPLE_ID: 'a@b.c', APPLE_TEAM_ID: 'T' }).args).toEqual([
      '-c.mac.notarize=false'
    ])
    const notarized = sign('mac', {
      CSC_LINK: 'x.p12',
      APPLE_API_KEY: 'k.p8',
      APPLE_API_KEY_ID: 'id',
      APPLE_API_ISSUER: 'i'
    })
    expect(notarized).toEqual({ args: [], note: expect.stringContaining('notarized') })
  })
})
