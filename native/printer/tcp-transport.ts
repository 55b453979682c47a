import net from 'node:net';
import { answersStatus, Link } from './link';
import { TransportError, type PrinterStatus, type Transport } from './types';

export interface TcpTransportOptions {
  host: string;
  /** 9100: the raw printing port of network printers. */
  port?: number;
  connectTimeoutMs?: number;
  /** For the whole job to be taken; the printer takes bytes about as fast as it prints. */
  writeTimeoutMs?: number;
  statusTimeoutMs?: number;
}

/**
 * A network printer on its raw port. Every operation opens its own connection and closes it:
 * many printers serve one connection at a time, and a fresh connection never carries a late
 * answer to an earlier question.
 */
export class TcpTransport implements Transport {
  readonly name: string;
  private readonly host: string;
  private readonly port: number;
  private readonly connectTimeoutMs: number;
  private readonly timeouts: { writeMs: number; statusMs: number };
  private readonly sockets = new Set<net.Socket>();

  constructor(options: TcpTransportOptions) {
    this.host = options.host;
    this.port = options.port ?? 9100;
    this.connectTimeoutMs = options.connectTimeoutMs ?? 3000;
    this.timeouts = { writeMs: options.writeTimeoutMs ?? 15_000, statusMs: options.statusTimeoutMs ?? 2000 };
    this.name = `tcp://${this.host}:${this.port}`;
  }

  isPrinterConnected(): Promise<boolean> {
    return answersStatus(() => this.status());
  }

  status(): Promise<PrinterStatus> {
    return this.withLink((link) => link.status(this.timeouts.statusMs, false));
  }

  execute(buffer: Buffer): Promise<PrinterStatus> {
    return this.withLink((link) => link.job(buffer, this.timeouts));
  }

  /** Aborts operations under way: they fail with connection-lost. */
  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
  }

  private async withLink<T>(use: (link: Link) => Promise<T>): Promise<T> {
    const { socket, link } = await this.connect();
    try {
      return await use(link);
    } finally {
      // Every byte we sent was answered by then (or the call failed): nothing is cut short.
      socket.destroy();
    }
  }

  private connect(): Promise<{ socket: net.Socket; link: Link }> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: this.host, port: this.port });
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
      const fail = (error: TransportError): void => {
        clearTimeout(timer);
        socket.off('close', onClose);
        socket.destroy();
        reject(error);
      };
      const onError = (error: Error): void =>
        fail(new TransportError('connect-failed', `${this.name}: ${error.message}`, { cause: error }));
      // close() while connecting.
      const onClose = (): void => fail(new TransportError('connect-failed', `${this.name}: closed while connecting`));
      const timer = setTimeout(
        () =>
          fail(new TransportError('connect-timeout', `${this.name}: no connection within ${this.connectTimeoutMs} ms`)),
        this.connectTimeoutMs,
      );
      socket.once('error', onError);
      socket.once('close', onClose);
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.off('error', onError);
        socket.off('close', onClose);
        // Status questions are a few bytes: do not hold them back waiting for acknowledgements.
        socket.setNoDelay(true);
        resolve({ socket, link: new Link(socket, this.name) });
      });
    });
  }
}
