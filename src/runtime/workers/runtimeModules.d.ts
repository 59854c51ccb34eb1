// workerd's built-in modules. @cloudflare/workers-types declares them only in its
// global-scope variant, which would retype fetch and Response for the whole project.
declare module "cloudflare:sockets" {
  import type { Socket, SocketAddress, SocketOptions } from "@cloudflare/workers-types";
  export function connect(address: string | SocketAddress, options?: SocketOptions): Socket;
}

declare module "cloudflare:email" {
  import type { EmailMessage as Message } from "@cloudflare/workers-types";
  export const EmailMessage: { new (from: string, to: string, raw: ReadableStream | string): Message };
}
