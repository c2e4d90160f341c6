/** Vite's `?raw` imports (the web tsconfig has no vite/client types). */
declare module '*?raw' {
  const text: string
  export default text
}
