import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
// The stylesheets' order is the cascade's: the base first (tokens, controls, dialogs; the rows every
// listbox shares), then the eager features' own (imported beside their code), then paper, so a
// printed document's rules beat theirs. A lazy panel's stylesheet arrives with it, after all of
// these (print.css's table rules are specific enough to win over it).
import './app/styles.css'
import './app/controls.css'
import './app/dialogs.css'
import './app/status-bar.css'
import './shared/listbox.css'
import { App } from './app/App'
import { api } from './shared/bridge'
import './shared/print.css'

const root = document.getElementById('root')
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App api={api} />
    </StrictMode>
  )
}
