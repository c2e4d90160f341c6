/** The app's own updates (status bar). English: updates-en.ts. */
export const updates = {
  label: 'Actualización de Taquilla',
  downloading: 'Descargando la versión {{version}}… {{percent}} %',
  ready: 'Actualización lista ({{version}})',
  install: 'Instalar y reiniciar',
  waiting: {
    shiftOpen: 'se instalará cuando cierre el turno',
    outboxNotEmpty: 'se instalará cuando la cola de envíos esté vacía'
  },
  installing: 'Instalando la versión {{version}}…',
  failure: {
    feedDown: 'No se pudo consultar el servidor de actualizaciones; se reintentará.',
    integrity: 'Actualización rechazada: el archivo descargado no coincide con su huella (sha512).',
    other: 'La actualización falló; se reintentará.'
  }
}
