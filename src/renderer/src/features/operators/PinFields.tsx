import { useId } from 'react'
import type { AppError } from '@shared/errors'
import type { OperatorView } from '@shared/contract'
import { ErrorMessage } from '../../shared/ErrorMessage'
import type { PinFieldsState } from './use-pin-fields'

interface Props {
  fields: PinFieldsState
  /** the names to choose from; no choice is shown when null */
  choices: OperatorView[] | null
  operatorLabel: string
  pinLabel: string
  /** main's refusal (wrong PIN, locked out…), under the PIN, which it marks invalid; undefined where the refusal is shown elsewhere */
  error?: AppError | null
}

export function PinFields({ fields, choices, operatorLabel, pinLabel, error }: Props) {
  const id = useId()
  return (
    <>
      {choices && (
        <div className="field">
          <label htmlFor={`${id}-operator`}>{operatorLabel}</label>
          <select
            id={`${id}-operator`}
            ref={fields.selectRef}
            value={fields.operatorId}
            onChange={(event) => fields.setOperatorId(event.target.value)}
          >
            {choices.map((account) => (
              <option key={account.id} value={account.id}>
                {account.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-pin`}>{pinLabel}</label>
        <input
          id={`${id}-pin`}
          ref={fields.pinRef}
          type="password"
          inputMode="numeric"
          autoComplete="off"
          maxLength={8}
          value={fields.pin}
          onChange={(event) => fields.setPin(event.target.value.replace(/\D/g, ''))}
          aria-invalid={error === undefined ? undefined : error !== null}
        />
      </div>
      {error && <ErrorMessage error={error} />}
    </>
  )
}
