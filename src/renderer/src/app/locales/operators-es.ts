/** Operators (issue 11): sign-in, the lock screen, the supervisor prompt, the accounts (español). */
export const operators = {
  signIn: {
    title: 'Iniciar sesión',
    help: 'Elija su nombre (escriba las primeras letras o use ↑ ↓), escriba su PIN y pulse Intro.',
    operator: 'Operador',
    pin: 'PIN',
    submit: 'Entrar',
    none: 'No hay operadores activos: pida a un supervisor que revise las cuentas.'
  },
  lock: {
    title: 'Bloqueada',
    help: 'La taquilla está bloqueada. {{name}} la desbloquea con su PIN, u otro operador inicia sesión.',
    unlock: 'Desbloquear'
  },
  status: {
    off: 'Inicio de sesión: desactivado',
    signedIn: 'Operador',
    lock: 'Bloquear',
    signOut: 'Cerrar sesión'
  },
  supervisor: {
    title: 'Autorización de supervisor',
    actions: {
      outboxDiscard: 'Descartar un envío necesita la autorización de un supervisor.',
      shiftCloseVariance: 'Cerrar el turno con esta diferencia necesita la autorización de un supervisor.',
      settingsChange: 'Cambiar los ajustes necesita la autorización de un supervisor.',
      operatorsManage: 'Gestionar operadores necesita la autorización de un supervisor.',
      incidentAcknowledge: 'Reconocer un incidente del diario necesita la autorización de un supervisor.',
      smsTopUp: 'Recargar el saldo de SMS necesita la autorización de un supervisor.'
    },
    supervisor: 'Supervisor',
    pin: 'PIN del supervisor',
    confirm: 'Autorizar',
    cancel: 'Cancelar'
  },
  manage: {
    title: 'Operadores',
    help: 'Cada cajero entra con su nombre y su PIN; el diario dice quién hizo cada cosa. La primera cuenta debe ser de supervisor.',
    damaged:
      'El archivo de operadores estaba dañado o fue alterado: se guardó aparte y sus cuentas no se usan. Créelas de nuevo y avise a soporte.',
    list: 'Cuentas',
    roles: { teller: 'Cajero', supervisor: 'Supervisor' },
    disabled: 'desactivada',
    lockedUntil: 'bloqueada hasta las {{time}}',
    disable: 'Desactivar',
    enable: 'Activar',
    resetPin: 'Cambiar PIN',
    add: 'Agregar operador',
    name: 'Nombre',
    role: 'Rol',
    pin: 'PIN',
    repeatPin: 'Repetir PIN',
    newPin: 'PIN nuevo',
    savePin: 'Guardar PIN',
    pinHint: 'De 4 a 8 dígitos.',
    added: 'Operador agregado.',
    saved: 'Guardado.',
    idleLock: 'Bloqueo por inactividad (minutos)',
    idleLockHint: '0 = nunca. Se admiten decimales (0,5 = 30 segundos).',
    idleLockFixed: 'Fijado por TAQUILLA_IDLE_LOCK_MINUTES.',
    saveIdleLock: 'Guardar bloqueo',
    close: 'Cerrar'
  }
}

export const operatorErrors = {
  pinMismatch: 'Los dos PIN no coinciden.',
  approval: {
    wrongPin: 'El PIN del supervisor no es correcto.',
    notSupervisor: 'Esa cuenta no es de supervisor: solo un supervisor puede autorizar esto.',
    locked: 'La cuenta del supervisor está bloqueada por PIN equivocados.',
    unknown: 'La autorización fue rechazada.'
  },
  wrongPinLeft: 'PIN equivocado. Quedan {{left}} intentos antes de que la cuenta se bloquee 5 minutos.'
}
