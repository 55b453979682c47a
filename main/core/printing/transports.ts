import type { Settings } from '../contract';
import { SerialTransport } from '../../../native/printer/serial-transport';
import { TcpTransport } from '../../../native/printer/tcp-transport';
import type { PrinterLink } from '../../../native/printer/types';

/**
 * The printer the settings name, over the network (ESC/POS on TCP 9100) or a serial line.
 * The OS driver exists only inside Electron, which passes its own factory to the core.
 */
export function transportFromSettings(settings: Settings): PrinterLink | null {
  switch (settings['printer.connection']) {
    case 'tcp':
      return settings['printer.host']
        ? new TcpTransport({ host: settings['printer.host'], port: settings['printer.port'] })
        : null;
    case 'serial':
      return settings['printer.serialPath']
        ? new SerialTransport({ path: settings['printer.serialPath'], baudRate: settings['printer.baudRate'] })
        : null;
    case 'os':
    case 'none':
      return null;
  }
}
