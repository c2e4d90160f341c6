import { act, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { fakeApi } from './fake-api'
import { renderApp } from './render'

/** Issue 16: any damage to a data file, and a disk that refuses writes, show an app-wide warning naming the file. */
describe('the storage warning', () => {
  it('is absent while every data file is fine', async () => {
    await renderApp()
    expect(screen.queryByRole('alert', { name: /archivos de datos/ })).toBeNull()
  })

  it('names each damaged file and the copy kept, from the start-up status', async () => {
    const api = fakeApi()
    api['app.storage'].mockResolvedValue({
      ok: true,
      value: {
        damages: [
          {
            file: '/datos/outbox.log',
            kind: 'cut',
            keptAs: '/datos/outbox.log.corrupt-2026-12-06T10-00-00-000Z',
            lines: 7,
            at: '2026-12-06T10:00:00.000Z'
          }
        ],
        unwritable: null
      }
    })
    await renderApp(api)
    const warning = screen.getByRole('alert', { name: 'Atención: archivos de datos de Taquilla' })
    expect(warning.textContent).toContain('/datos/outbox.log está más corto de lo que se escribió')
    expect(warning.textContent).toContain('Copia guardada: /datos/outbox.log.corrupt-2026-12-06T10-00-00-000Z')
  })

  it('appears when the disk starts refusing writes, and goes when it takes them again', async () => {
    const { api } = await renderApp()
    act(() =>
      api.emit('storage.changed', { damages: [], unwritable: { file: '/datos/journal.jsonl', reason: 'EROFS' } })
    )
    const warning = screen.getByRole('alert', { name: /archivos de datos/ })
    expect(within(warning).getByText(/El disco no deja escribir en \/datos\/journal.jsonl \(EROFS\)/)).toBeTruthy()
    act(() => api.emit('storage.changed', { damages: [], unwritable: null }))
    expect(screen.queryByRole('alert', { name: /archivos de datos/ })).toBeNull()
  })
})
