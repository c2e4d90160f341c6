import { describe, expect, it } from 'vitest'
import { draftFrom, updateFrom } from '../../src/renderer/src/features/settings/settings-draft'
import { publicSettings } from './fake-api'

describe('the settings update the form sends', () => {
  it('leaves out a terminal and operator that were empty and still are (the first save)', () => {
    const settings = publicSettings({ terminal: '', operator: '', overridden: [] })
    const update = updateFrom({ ...draftFrom(settings), lukaUsername: 'cajero' }, settings)
    expect(update).not.toHaveProperty('terminal')
    expect(update).not.toHaveProperty('operator')
    expect(update.lukaUsername).toBe('cajero')
  })

  it('sends a blanked terminal, so the contract can refuse it with a clear word', () => {
    const settings = publicSettings({ terminal: 'Agencia CCCT, Taquilla 2', overridden: [] })
    expect(updateFrom({ ...draftFrom(settings), terminal: '  ' }, settings).terminal).toBe('')
  })
})
