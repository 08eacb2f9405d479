/** Vite's `?url` imports: the built asset's URL (same origin, so the app's CSP allows it). */
declare module '*?url' {
  const url: string;
  export default url;
}
