import { useRef, useState } from 'react'

/** The state behind PinFields: who is chosen, the PIN typed, and both fields to focus. */
export function usePinFields(firstOperatorId: string) {
  const [operatorId, setOperatorId] = useState(firstOperatorId)
  const [pin, setPin] = useState('')
  const pinRef = useRef<HTMLInputElement>(null)
  const selectRef = useRef<HTMLSelectElement>(null)
  return { operatorId, setOperatorId, pin, setPin, pinRef, selectRef }
}

export type PinFieldsState = ReturnType<typeof usePinFields>
