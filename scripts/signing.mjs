/**
 * Code signing for the installers, from the environment only (never from the repository).
 * Returns the extra electron-builder arguments and one line that says how the build is signed.
 *
 * Windows: a certificate through electron-builder's own CSC_LINK / WIN_CSC_LINK (+ *_KEY_PASSWORD),
 *   signed with signtool; or Azure Trusted Signing when AZURE_SIGN_ENDPOINT, AZURE_SIGN_ACCOUNT,
 *   AZURE_SIGN_PROFILE and AZURE_SIGN_PUBLISHER are set (the TrustedSigning module itself reads
 *   AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET).
 * macOS: a Developer ID through CSC_LINK (+ CSC_KEY_PASSWORD) or CSC_NAME (a keychain identity);
 *   notarized when APPLE_API_KEY + APPLE_API_KEY_ID + APPLE_API_ISSUER, or APPLE_ID +
 *   APPLE_APP_SPECIFIC_PASSWORD + APPLE_TEAM_ID, or APPLE_KEYCHAIN_PROFILE are set
 *   (electron-builder reads them; hardened runtime and entitlements are in electron-builder.yml).
 * Without any of these the build is unsigned — it works, and says so.
 */
const set = (env, ...names) => names.every((name) => (env[name] ?? '').trim() !== '')

export function signing(platform, env) {
  if (platform === 'win') {
    if (set(env, 'AZURE_SIGN_ENDPOINT', 'AZURE_SIGN_ACCOUNT', 'AZURE_SIGN_PROFILE', 'AZURE_SIGN_PUBLISHER'))
      return {
        args: [
          `-c.win.azureSignOptions.endpoint=${env.AZURE_SIGN_ENDPOINT}`,
          `-c.win.azureSignOptions.codeSigningAccountName=${env.AZURE_SIGN_ACCOUNT}`,
          `-c.win.azureSignOptions.certificateProfileName=${env.AZURE_SIGN_PROFILE}`,
          `-c.win.azureSignOptions.publisherName=${env.AZURE_SIGN_PUBLISHER}`
        ],
        note: 'signed with Azure Trusted Signing'
      }
    if (set(env, 'WIN_CSC_LINK') || set(env, 'CSC_LINK')) return { args: [], note: 'signed with signtool (CSC_LINK)' }
    return {
      args: [],
      note: 'UNSIGNED: no CSC_LINK / AZURE_SIGN_* variables — Windows SmartScreen will warn, and updates cannot be verified by signature'
    }
  }
  if (platform === 'mac') {
    if (!set(env, 'CSC_LINK') && !set(env, 'CSC_NAME'))
      // no keychain lookup either: an unsigned build is explicit, not whatever the keychain holds
      return {
        args: ['-c.mac.identity=null', '-c.mac.notarize=false'],
        note: 'UNSIGNED: no CSC_LINK / CSC_NAME — Gatekeeper will block it and macOS updates need a signed app'
      }
    const notarized =
      set(env, 'APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER') ||
      set(env, 'APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID') ||
      set(env, 'APPLE_KEYCHAIN_PROFILE')
    return notarized
      ? { args: [], note: 'signed with a Developer ID and notarized (APPLE_* variables)' }
      : { args: ['-c.mac.notarize=false'], note: 'signed with a Developer ID, NOT notarized (no APPLE_* variables)' }
  }
  return { args: [], note: 'Linux packages are not signed (AppImage and deb)' }
}
