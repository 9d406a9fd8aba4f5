// A real SMTP server in the test process (smtp-server), and what arrived at it, parsed by mailparser.
// It can be stopped and started again on the same port (a mail server that is down, then back), and
// told to refuse addresses for good (a bounce: 550).
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface TestSmtp {
  url: string;
  received: ParsedMail[];
  /** Addresses the server refuses with 550 (no such mailbox). */
  refuse: Set<string>;
  stop(): Promise<void>;
  /** Starts again on the same port after stop(). */
  restart(): Promise<void>;
  close(): Promise<void>;
  /** Waits until `count` messages have arrived and been parsed. */
  waitFor(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
}

export async function startTestSmtp(): Promise<TestSmtp> {
  const received: ParsedMail[] = [];
  const refuse = new Set<string>();
  const parsing: Promise<void>[] = [];
  const make = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (refuse.has(address.address.toLowerCase())) {
          const error = Object.assign(new Error("No such mailbox here"), { responseCode: 550 });
          return callback(error);
        }
        callback();
      },
      onData(stream, _session, callback) {
        parsing.push(
          simpleParser(stream).then((mail) => {
            received.push(mail);
          }),
        );
        stream.on("end", () => callback());
      },
    });
  let server = make();
  const listen = (port: number) =>
    new Promise<number>((resolve) => server.listen(port, "127.0.0.1", () => resolve((server.server.address() as AddressInfo).port)));
  const port = await listen(0);
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuse,
    stop: close,
    async restart() {
      server = make();
      await listen(port);
    },
    close,
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count && Date.now() < deadline) {
        await Promise.all(parsing);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await Promise.all(parsing);
      return received;
    },
  };
}
