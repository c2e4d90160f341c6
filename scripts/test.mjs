#!/usr/bin/env node
// `npm test`: build (the e2e and packaging tests use out/), typecheck, lint, then every vitest
// project (node domain + platform, jsdom renderer, e2e in Chromium). Ends with the plain
// line "N passed, N failed" that CI reads.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'

const results = '.vitest-results.json'
const run = (command, args) => spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' })
const finish = (passed, failed, note) => {
  if (note) console.log(note)
  console.log(`${passed} passed, ${failed} failed`)
  process.exit(failed > 0 ? 1 : 0)
}

console.log('› build')
if (run('npm', ['run', '--silent', 'build']).status !== 0) finish(0, 1, 'build failed')

console.log('› typecheck')
const typecheckFailed = run('npm', ['run', '--silent', 'typecheck']).status !== 0

console.log('› lint (eslint, prettier, knip)')
const lintFailed = run('npm', ['run', '--silent', 'lint']).status !== 0

console.log('› vitest')
rmSync(results, { force: true })
const vitest = run('npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${results}`,
  ...process.argv.slice(2)
])
if (!existsSync(results)) finish(0, 1, `vitest produced no results (exit ${vitest.status})`)
const summary = JSON.parse(readFileSync(results, 'utf8'))
let failed = summary.numFailedTests
// a file that failed to load counts as a failure even though none of its tests ran
failed += summary.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length
if (typecheckFailed) failed += 1
if (lintFailed) failed += 1
const notes = [
  typecheckFailed && 'typecheck failed (counted as one failure)',
  lintFailed && 'lint failed (counted as one failure)'
]
finish(summary.numPassedTests, failed, notes.filter(Boolean).join('\n') || undefined)
