import type { CustomerDisplay } from '../display/customer-display'
import type { LinkService } from '../link/links'
import type { Impls } from './guard'

type LinkOps = 'link.config' | 'link.create' | 'link.today' | 'link.check' | 'display.get' | 'display.show'

export function linkHandlers(links: LinkService, display: CustomerDisplay): Impls<LinkOps> {
  return {
    'link.config': () => links.config(),
    'link.create': (request) => links.create(request),
    'link.today': () => links.today(),
    'link.check': ({ trace }) => links.check(trace),
    'display.get': () => display.view(),
    'display.show': (content) => display.show(content)
  }
}
