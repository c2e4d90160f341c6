import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ErrorBoundary } from '@renderer/app/ErrorBoundary'
import { lazyPanel } from '@renderer/app/lazy-panel'

const Loaded = () => <p>the panel</p>
const fallback = <p role="status">loading</p>

afterEach(() => vi.restoreAllMocks())

describe('lazyPanel', () => {
  it('loads once for every caller, and once loaded renders without the fallback', async () => {
    const load = vi.fn(async () => Loaded)
    const panel = lazyPanel(load)
    const first = render(<panel.Panel fallback={fallback} />)
    expect(screen.getByRole('status').textContent).toBe('loading')
    expect(await screen.findByText('the panel')).toBeTruthy()
    first.unmount()

    await Promise.all([panel.preload(), panel.preload()])
    render(<panel.Panel fallback={fallback} />)
    expect(screen.getByText('the panel')).toBeTruthy()
    expect(screen.queryByRole('status')).toBeNull()
    expect(load).toHaveBeenCalledTimes(1)
  })

  it('a chunk that failed to load is asked for again: the error boundary’s retry opens the panel', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const load = vi
      .fn<() => Promise<typeof Loaded>>()
      .mockRejectedValueOnce(new Error('chunk not found'))
      .mockResolvedValue(Loaded)
    const panel = lazyPanel(load)
    render(
      <ErrorBoundary message="No se pudo mostrar" retryLabel="Volver a intentar">
        <panel.Panel fallback={fallback} />
      </ErrorBoundary>
    )
    expect((await screen.findByRole('alert')).textContent).toContain('No se pudo mostrar')
    expect(errors).toHaveBeenCalled()
    await userEvent.click(screen.getByRole('button', { name: 'Volver a intentar' }))
    expect(await screen.findByText('the panel')).toBeTruthy()
    expect(load).toHaveBeenCalledTimes(2)
  })

  it('an idle preload that fails leaves the next open free to load', async () => {
    const load = vi
      .fn<() => Promise<typeof Loaded>>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValue(Loaded)
    const panel = lazyPanel(load)
    await expect(panel.preload()).rejects.toThrow('offline')
    render(<panel.Panel fallback={fallback} />)
    expect(await screen.findByText('the panel')).toBeTruthy()
    expect(load).toHaveBeenCalledTimes(2)
  })
})
