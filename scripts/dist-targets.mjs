/**
 * dist:check, part two: what only a real installer target would hit, checked offline.
 *
 * - Runs electron-builder's real Linux targets (deb, AppImage) on the packed app up to the point
 *   where they would call fpm / appimagetool (effectiveOptionComputed stops them there): a missing
 *   homepage, maintainer or desktop entry fails here exactly as it would fail `dist:linux`.
 * - Holds the config to what the README promises and electron-updater needs: the deb dependency
 *   list is electron-builder's defaults plus libsecret-1-0 (a `deb.depends` list REPLACES the
 *   defaults), macOS ships dmg + zip for x64 and arm64 with the hardened runtime and its
 *   entitlements, a publish provider writes the update feed, and no signing secret is in the file.
 * Windows and macOS targets themselves need their own OS (and network for their tools).
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export async function checkTargets({ projectDir, configFile, appDir, output, electronVersion, require }) {
  const problems = []
  const text = readFileSync(configFile, 'utf8')
  const config = require('js-yaml').load(text)

  // ---------------------------------------------------------------- the config, statically
  const FpmTarget = require('app-builder-lib/out/targets/FpmTarget').default
  const defaults = FpmTarget.prototype.getDefaultDepends('deb')
  const depends = config.deb?.depends ?? defaults
  for (const name of [...defaults, 'libsecret-1-0'])
    if (!depends.includes(name))
      problems.push(`deb dependencies lack ${name} (a deb.depends list replaces electron-builder's defaults)`)

  const macTargets = (config.mac?.target ?? []).map((target) =>
    typeof target === 'string' ? { target, arch: [] } : { target: target.target, arch: target.arch ?? [] }
  )
  for (const kind of ['dmg', 'zip']) {
    const target = macTargets.find((entry) => entry.target === kind)
    if (!target)
      problems.push(`mac: no ${kind} target${kind === 'zip' ? ' (electron-updater installs from the zip)' : ''}`)
    else
      for (const arch of ['x64', 'arm64'])
        if (!target.arch.includes(arch)) problems.push(`mac: ${kind} is not built for ${arch}`)
  }
  if (config.mac?.hardenedRuntime !== true) problems.push('mac: hardenedRuntime must be on (notarization needs it)')
  for (const key of ['entitlements', 'entitlementsInherit']) {
    const file = config.mac?.[key]
    if (!file || !existsSync(join(projectDir, file))) problems.push(`mac: ${key} file missing (${file ?? 'not set'})`)
  }
  const publish = [config.publish ?? []].flat()
  if (!publish.some((entry) => entry?.provider === 'generic'))
    problems.push('publish: no generic provider, so no latest*.yml update feed is written')
  for (const key of [
    'certificatePassword',
    'certificateFile',
    'cscLink',
    'cscKeyPassword',
    'appleIdPassword',
    'identity'
  ])
    if (new RegExp(`^\\s*${key}\\s*:`, 'm').test(text))
      problems.push(`signing setting "${key}" in ${configFile}: signing comes from the environment only`)

  // ---------------------------------------------------------------- the real Linux targets
  const { build, Platform, Arch } = require('electron-builder')
  const reached = new Set()
  process.env.CSC_IDENTITY_AUTO_DISCOVERY = 'false'
  try {
    await build({
      projectDir,
      prepackaged: appDir,
      publish: 'never',
      targets: Platform.LINUX.createTarget(['deb', 'AppImage'], Arch.x64),
      config: { ...config, electronVersion, directories: { ...config.directories, output } },
      effectiveOptionComputed: async (options) => {
        if (Array.isArray(options)) reached.add('deb')
        else if (options?.desktop) reached.add('AppImage')
        return true // stop before fpm / appimagetool, which would be downloaded
      }
    })
  } catch (cause) {
    problems.push(
      `a real Linux target fails: ${String(cause?.message ?? cause)
        .split('\n')
        .filter(Boolean)
        .join(' ')}`
    )
  }
  for (const target of ['deb', 'AppImage'])
    if (problems.length === 0 && !reached.has(target))
      problems.push(`the ${target} target never reached its packaging step`)
  return problems
}
