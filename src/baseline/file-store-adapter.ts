/**
 * The old name of file-store.ts, kept only for cli.ts and main.ts until their imports name
 * file-store.js; nothing else imports it. Delete it then.
 */
export { FileStore } from './file-store.js';
