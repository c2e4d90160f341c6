import type { InputHTMLAttributes, Ref } from 'react'

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'inputMode' | 'value' | 'onChange'> & {
  value: string
  onValue: (value: string) => void
  inputRef?: Ref<HTMLInputElement>
}

/**
 * A text field for an amount typed as money (1.234,50 or 1234.50): a decimal keypad on touch
 * screens, no autocomplete or spell checking. The text is read exactly by parseAmountInput.
 */
export function MoneyInput({ value, onValue, inputRef, ...rest }: Props) {
  return (
    <input
      {...rest}
      ref={inputRef}
      type="text"
      inputMode="decimal"
      autoComplete="off"
      spellCheck={false}
      value={value}
      onChange={(event) => onValue(event.target.value)}
    />
  )
}
