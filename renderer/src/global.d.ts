import type { MizbanBridge } from '../../main/core/contract';

declare global {
  interface Window {
    mizban: MizbanBridge;
  }
}
