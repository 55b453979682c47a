import type { Settings } from '../contract';
import type { EventBus } from '../events';
import { SerialScanner } from '../../../native/scanner/serial-scanner';

/**
 * The receipt scanner on a serial port: each code it reads is pushed to the faces, which
 * put it where a tracking code is asked (the kiosk's look-up and survey, the counter's
 * queue). Follows the settings: a new port, a new scanner.
 */
export class ScannerService {
  private scanner: { key: string; scanner: SerialScanner } | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly bus: EventBus,
    private readonly settings: () => Settings,
    private readonly log: (message: string, error?: unknown) => void,
  ) {}

  start(): void {
    this.follow(this.settings());
    this.unsubscribe ??= this.bus.listen((event) => {
      if (event.type === 'settings.changed') this.follow(event.settings);
    });
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    void this.scanner?.scanner.stop();
    this.scanner = undefined;
  }

  private follow(settings: Settings): void {
    const path = settings['scanner.serialPath'];
    const key = `${path}@${settings['scanner.baudRate']}`;
    if (this.scanner?.key === key || (!path && !this.scanner)) return;
    void this.scanner?.scanner.stop();
    this.scanner = undefined;
    if (!path) return;
    const scanner = new SerialScanner({ path, baudRate: settings['scanner.baudRate'] });
    scanner.on('code', (code: string) => this.bus.emit({ type: 'scanner.code', code: code.trim() }));
    scanner.on('disconnected', (error: unknown) => this.log(`receipt scanner on ${path} is not connected`, error));
    scanner.start();
    this.scanner = { key, scanner };
  }
}
