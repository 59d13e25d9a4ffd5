/**
 * A loopback HTTP server for saved pages: `npm start` serves the demo page with it, and the
 * browser tests their fixtures. Only plain `name.html` files in the given folders are served,
 * plus what a caller adds (a page, or a file of another type such as `text/plain`).
 */
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

const HTML = "text/html; charset=utf-8";

export class PageServer {
  private server: Server | null = null;
  private readonly extra = new Map<string, { body: string; type: string }>();
  origin = "";

  constructor(private readonly folders: readonly string[]) {}

  /** Listens on 127.0.0.1 at `port` (0: any free port). */
  async start(port = 0): Promise<void> {
    this.server = createServer(async (request, response) => {
      const name = decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname.slice(1));
      const added = this.extra.get(name);
      let body = added?.body;
      if (body === undefined && /^[\w.-]+\.html$/.test(name)) {
        for (const folder of this.folders) {
          body = await readFile(path.join(folder, name), "utf8").catch(() => undefined);
          if (body !== undefined) break;
        }
      }
      if (body === undefined) {
        response.writeHead(404).end("not found");
        return;
      }
      response.writeHead(200, { "content-type": added?.type ?? HTML, "cache-control": "no-store" }).end(body);
    });
    await new Promise<void>((resolve) => this.server!.listen(port, "127.0.0.1", resolve));
    this.origin = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  /** Serves `body` (a page, unless `type` says otherwise) at `/<name>` from now on, and returns its URL. */
  add(name: string, body: string, type = HTML): string {
    this.extra.set(name, { body, type });
    return this.url(name);
  }

  url(name: string): string {
    return `${this.origin}/${name}`;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }
}
