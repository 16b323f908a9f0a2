/**
 * The floor of the request measures: a bare node:http keep-alive client sending the same
 * headers as the KooDrive client, reading the body and parsing it with JSON.parse.
 */
import { randomBytes } from 'node:crypto';
import * as http from 'node:http';
import { formatXDate } from '../../src/api/clock';

export class BareClient {
  private readonly agent = new http.Agent({ keepAlive: true });
  private readonly host: string;
  private readonly port: number;

  constructor(base: string, private readonly userId: string, private readonly token: string) {
    const url = new URL(base);
    this.host = url.hostname;
    this.port = Number(url.port);
  }

  /** The headers the KooDrive client sends with a request, freshly dated. */
  headers(): Record<string, string> {
    return {
      Authorization: `Bearer ${this.token}`,
      'X-User-Id': this.userId,
      'X-Date': formatXDate(Date.now() - 5_000),
      'X-Traceid': randomBytes(29).toString('hex'),
      Accept: 'application/json',
      language: 'en-US',
    };
  }

  /** GET `path` (query included) and its body, parsed. */
  get(path: string): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const headers = this.headers();
      const req = http.request({ host: this.host, port: this.port, path, method: 'GET', agent: this.agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
