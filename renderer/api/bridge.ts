import { BRIDGE_GLOBAL, type HallnotesBridge } from '../../shared/ipc/api';
import { createHttpBridge } from './httpBridge';

declare global {
  interface Window {
    [BRIDGE_GLOBAL]?: HallnotesBridge;
  }
}

/**
 * The renderer's only way to the services: the preload's bridge in Electron, HTTP under the
 * browser host. Everything above this module is identical in both.
 */
export const bridge: HallnotesBridge = window[BRIDGE_GLOBAL] ?? createHttpBridge();
export const api = bridge.api;
