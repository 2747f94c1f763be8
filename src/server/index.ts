// What the command line's `serve` needs of the server: build the app, listen, stop on signals.
export { buildApp } from './app.js';
export { closeOnSignals, listen } from './listen.js';
export { hasWebApp } from './web-app.js';
