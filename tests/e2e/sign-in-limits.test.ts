// The sign-in lockout holds against what next-auth actually evaluates, whatever the body looks like:
// repeated fields, JSON instead of a form, or a burst of guesses at once. And the answers do not tell
// an attacker which emails have accounts. Everything from outside, over HTTP.
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { appSql } from "../support/app-database";
import { appUrl, chromiumPath } from "../support/browser";
import { createAccount, HttpClient, signedIn, type TestAccount } from "../support/http";

const LIMIT = 5;

async function csrf(client: HttpClient) {
  return ((await (await client.fetch("/api/auth/csrf")).json()) as { csrfToken: string }).csrfToken;
}

/** A credentials sign-in with the body exactly as given; answers the status and whether a session was set. */
async function attempt(body: (csrfToken: string) => { type: string; text: string }) {
  const client = new HttpClient(appUrl);
  const { type, text } = body(await csrf(client));
  const started = performance.now();
  const response = await client.fetch("/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": type, origin: new URL(appUrl).origin },
    body: text,
  });
  const answer = await response.text();
  return {
    status: response.status,
    signedIn: client.cookieHeader.includes("session-token"),
    answer,
    ms: performance.now() - started,
    retryAfter: response.headers.get("retry-after"),
    contentType: response.headers.get("content-type") ?? "",
  };
}

const form = (fields: [string, string][]) => (csrfToken: string) => ({
  type: "application/x-www-form-urlencoded",
  text: new URLSearchParams([...fields, ["csrfToken", csrfToken], ["json", "true"]]).toString(),
});

const json = (fields: Record<string, string>) => (csrfToken: string) => ({
  type: "application/json",
  text: JSON.stringify({ ...fields, csrfToken, json: "true" }),
});

async function lockOut(account: TestAccount) {
  for (let i = 0; i < LIMIT; i++) {
    const failed = await attempt(
      form([
        ["email", account.email],
        ["password", `wrong guess ${i}`],
      ]),
    );
    expect(failed.signedIn).toBe(false);
    expect(failed.status).toBe(401);
    expect(failed.answer).toContain("CredentialsSignin");
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

describe.skipIf(!chromiumPath)("sign-in limits", () => {
  // Every test here signs in from 127.0.0.1, like every other e2e test: leave the address's counter as found.
  afterEach(async () => {
    await appSql(`delete from "RateLimitCounter" where key like 'sign-in%:ip:%'`);
  });

  let victim: TestAccount;
  beforeAll(async () => {
    victim = await createAccount("victim");
  });

  test("a correct password signs in, and a lockout stops it with 429 and Retry-After", async () => {
    const account = await createAccount("locked");
    expect(
      (
        await attempt(
          form([
            ["email", account.email],
            ["password", account.password],
          ]),
        )
      ).signedIn,
    ).toBe(true);
    await lockOut(account);
    const locked = await attempt(
      form([
        ["email", account.email],
        ["password", account.password],
      ]),
    );
    expect(locked.status).toBe(429);
    expect(Number(locked.retryAfter)).toBeGreaterThan(0);
    expect(locked.signedIn).toBe(false);
    // Problem details like every other error of the site (issue 31), with the wait in words and in seconds.
    expect(locked.contentType).toContain("application/problem+json");
    expect(JSON.parse(locked.answer)).toMatchObject({
      status: 429,
      code: "rate_limited",
      detail: expect.stringMatching(/^Too many failed sign-in attempts\. Try again in \d+ minutes?\.$/),
      retryAfterSeconds: Number(locked.retryAfter),
    });
  });

  test("an over-long sign-in body is refused with 413 problem details, before next-auth reads it", async () => {
    const tooLong = await attempt(
      form([
        ["email", victim.email],
        ["password", "x".repeat(20 * 1024)],
      ]),
    );
    expect(tooLong.status).toBe(413);
    expect(tooLong.signedIn).toBe(false);
    expect(tooLong.contentType).toContain("application/problem+json");
    expect(JSON.parse(tooLong.answer)).toMatchObject({ status: 413, code: "payload_too_large", detail: expect.stringContaining("too large") });
  });

  test("after the lock, a repeated email field (another address first, the victim's last) gets no session", async () => {
    await lockOut(victim);
    const other = `decoy-${Date.now()}@example.com`;
    const repeated = await attempt(
      form([
        ["email", other],
        ["password", victim.password],
        ["email", victim.email],
      ]),
    );
    expect(repeated.signedIn).toBe(false);
    expect(repeated.status).toBe(429);
    const reversed = await attempt(
      form([
        ["email", victim.email],
        ["password", victim.password],
        ["email", other],
      ]),
    );
    // next-auth evaluates the last email: here the decoy's, which has no account and is not locked.
    expect(reversed.signedIn).toBe(false);
  });

  test("after the lock, a JSON body with the right password gets no session", async () => {
    const account = await createAccount("json-locked");
    await lockOut(account);
    const viaJson = await attempt(json({ email: account.email, password: account.password }));
    expect(viaJson.signedIn).toBe(false);
    expect(viaJson.status).toBe(429);
    const viaJsonCased = await attempt(json({ email: `  ${account.email.toUpperCase()} `, password: account.password }));
    expect(viaJsonCased.signedIn).toBe(false);
    expect(viaJsonCased.status).toBe(429);
  });

  test(`a burst of 30 parallel wrong guesses gets at most ${LIMIT} passwords evaluated`, async () => {
    const account = await createAccount("burst");
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        attempt(
          form([
            ["email", account.email],
            ["password", `parallel guess ${i}`],
          ]),
        ),
      ),
    );
    const evaluated = answers.filter((answer) => answer.status !== 429);
    expect(evaluated.length).toBeLessThanOrEqual(LIMIT);
    expect(answers.filter((answer) => answer.status === 429).length).toBeGreaterThanOrEqual(30 - LIMIT);
    expect(answers.some((answer) => answer.signedIn)).toBe(false);
  });

  test("a wrong password costs the same whether or not the account exists (medians, side by side)", async () => {
    const accounts = await Promise.all([createAccount("timed-a"), createAccount("timed-b"), createAccount("timed-c")]);
    const known: number[] = [];
    const missing: number[] = [];
    // Interleaved, so load on the machine affects both alike; four guesses per account stay under its limit.
    for (let i = 0; i < 4; i++) {
      for (const [index, account] of accounts.entries()) {
        known.push(
          (
            await attempt(
              form([
                ["email", account.email],
                ["password", `wrong ${i}`],
              ]),
            )
          ).ms,
        );
        missing.push(
          (
            await attempt(
              form([
                ["email", `nobody-${index}-${Date.now()}@example.com`],
                ["password", `wrong ${i}`],
              ]),
            )
          ).ms,
        );
      }
    }
    console.log(`sign-in timing: unknown ${median(missing).toFixed(1)} ms, existing ${median(known).toFixed(1)} ms`);
    // Without a hash for unknown accounts the ratio was about 0.5 here (21 ms against 41 ms).
    expect(median(missing) / median(known)).toBeGreaterThan(0.8);
  });

  test("signing up with an email that has an account answers as if it had not, and tells the owner on their settings page", async () => {
    const owner = await createAccount("owner");
    const client = new HttpClient(appUrl);
    const signUp = (email: string) =>
      client.action(
        { file: "app/signup/actions.ts", name: "signUp", page: "/signup" },
        { name: "Mallory", email, password: "a quite unguessable passphrase 7" },
      );
    const fresh = await signUp(`fresh-${Date.now()}@example.com`);
    const taken = await signUp(owner.email.toUpperCase());
    expect(taken).toEqual(fresh);
    expect(fresh).toMatchObject({ ok: true });

    const ownerClient = await signedIn(appUrl, owner);
    const settings = await (await ownerClient.fetch("/settings")).text();
    expect(settings).toContain("Someone tried to create an account with your email address");
  });
});
