import { HOST_TOKEN_PARAMETER, HOST_TOKEN_STORAGE_KEY } from '../../shared/ipc/hostAccess';

/**
 * The browser host's access token, for the header every call carries (shared/ipc/hostAccess.ts).
 * It arrives in the printed address's fragment, which no browser sends to any server; it is then
 * taken out of the address bar (so a copied or shared address does not carry it) and kept in
 * this tab's sessionStorage, which, unlike a cookie, belongs to this origin alone (port
 * included), survives a reload and ends with the tab. Null when the page was opened without it.
 */
export function takeHostToken(): string | null {
  const fromAddress = new URLSearchParams(window.location.hash.slice(1)).get(HOST_TOKEN_PARAMETER);
  if (fromAddress) {
    history.replaceState(history.state, '', `${window.location.pathname}${window.location.search}`);
    try {
      sessionStorage.setItem(HOST_TOKEN_STORAGE_KEY, fromAddress);
    } catch {
      // Storage switched off: the token lives in memory only, and a reload needs the printed address again.
    }
    return fromAddress;
  }
  try {
    return sessionStorage.getItem(HOST_TOKEN_STORAGE_KEY);
  } catch {
    return null;
  }
}
