/**
 * How a page reaches the browser host without a cookie (browsers send cookies to every port of
 * 127.0.0.1, so any other local server the browser visits would receive one). The host prints
 *   http://127.0.0.1:PORT/<pathKey>/#token=<token>
 * The path key is a per-run capability for the page and its photos (an <img> cannot send a
 * header); the token, in the fragment, which browsers never send to any server, is what API
 * calls carry in a header. Neither reaches another origin.
 */
export const HOST_TOKEN_HEADER = 'X-Hallnotes-Token';
/** The fragment parameter the printed address carries the token in. */
export const HOST_TOKEN_PARAMETER = 'token';
/** Where a tab keeps the token once it has been taken out of the address bar. */
export const HOST_TOKEN_STORAGE_KEY = 'hallnotes-host-token';
/** Relative to the page: the stream the host pushes events to the page on. */
export const HOST_PUSH_PATH = 'push';
