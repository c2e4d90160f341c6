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
  lost: {
    title: 'Cuentas de operador perdidas',
    locked:
      'El archivo de operadores (operators.json) falta o está dañado y no hay ninguna copia válida: la taquilla queda bloqueada para que nadie la use sin identificarse. Nada de lo guardado se borró.',
    whatToDo:
      'Avise a quien instaló esta taquilla. Para recuperarla debe cerrarla e iniciarla con --recover-operators (en modo navegador, TAQUILLA_RECOVER_OPERATORS=1): queda escrito en el diario y se crea un nuevo primer supervisor.',
    recovery:
      'Recuperación de cuentas (--recover-operators, anotada en el diario): cree el nuevo primer supervisor. Después, cada operador vuelve a entrar con su nombre y PIN.'
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
      'Al iniciar, el archivo de operadores o su copia en los ajustes faltaba, estaba dañado o era antiguo: se guardó aparte y las cuentas se restauraron de la copia válida más reciente. Un incidente del diario dice qué se encontró.',
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
