/** LOX24's errors said in its name (lox24-create-payment.txt; doc.lox24.eu). */
export const lox24Errors = {
  named: {
    NOT_CONFIGURED: 'LOX24 no está configurado: abra Ajustes (Ctrl+,) y escriba el token.',
    BAD_CREDENTIALS:
      'LOX24 no acepta el token: revíselo en Ajustes (Ctrl+,). Taquilla no lo vuelve a intentar sola (LOX24 bloquea la IP tras varios intentos fallidos).',
    NETWORK: 'LOX24 no responde: revise la conexión a internet.',
    TIMEOUT: 'LOX24 no responde: se agotó el tiempo de espera.',
    PROVIDER_UNAVAILABLE: 'LOX24 no responde: el servicio no está disponible. Intente en unos minutos.',
    RATE_LIMITED: 'LOX24 bloqueó temporalmente esta conexión: Taquilla no le envía nada hasta que pase el bloqueo.',
    NOT_FOUND: 'LOX24 no encuentra ese registro.',
    PROVIDER_REJECTED: 'LOX24 rechazó la solicitud.',
    MALFORMED_RESPONSE: 'LOX24 respondió algo que Taquilla no puede leer.'
  },
  codes: {
    NOT_ENOUGH_FUNDS: 'No hay saldo suficiente en la cuenta de LOX24: recargue el crédito de SMS.',
    ACCOUNT_NOT_ACTIVATED:
      'La cuenta de LOX24 no está activada. Taquilla no lo vuelve a intentar sola: espere o contacte al soporte de LOX24.',
    SEMANTIC_ERROR: 'LOX24 no aceptó los datos: revíselos.',
    IP_BLOCKED: 'LOX24 bloqueó temporalmente esta conexión: Taquilla no le envía nada hasta que pase el bloqueo.'
  }
}
