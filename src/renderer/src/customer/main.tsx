import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { api } from '../shared/bridge'
import { CustomerScreen } from './CustomerScreen'
import './customer.css'

// The customer display's own page (customer.html): reads what to show, nothing else.
const root = document.getElementById('root')
if (root) {
  createRoot(root).render(
    <StrictMode>
      <CustomerScreen api={api} />
    </StrictMode>
  )
}
