// The edge's checks on methods, addresses and bodies (server/request-checks.ts): hostile bytes are a
// clear 400, never an exception; everything a real browser or client sends passes untouched.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { bodyIsChecked, checkBody, checkMethod, checkTarget } from "@/server/request-checks";
import { readAppRoutes, routeMatcher } from "@/server/route-list";

const json = (value: unknown) => Buffer.from(JSON.stringify(value));

describe("methods, against the route list read from app/", () => {
  const routeAt = routeMatcher(readAppRoutes());
  const check = (method: string, path: string) => checkMethod(method, routeAt(path));

  test("each address takes what its route takes; anything else is a 405 that names what it does take", () => {
    expect(check("GET", "/claims/x")).toBeNull();
    expect(check("POST", "/claims/x")).toBeNull(); // server actions
    expect(check("PUT", "/api/v1/claims/x/vote")).toBeNull();
    expect(check("OPTIONS", "/api/v1/articles")).toBeNull();
    expect(check("HEAD", "/api/health")).toBeNull();
    expect(check("DELETE", "/api/v1/articles")).toMatchObject({ status: 405, code: "method_not_allowed", allow: "GET, HEAD, OPTIONS" });
    expect(check("POST", "/api/v1/claims/x")).toMatchObject({ status: 405, allow: "GET, HEAD, OPTIONS" });
    expect(check("GET", "/api/claims/x/vote")).toMatchObject({ status: 405, allow: "POST" });
    for (const method of ["TRACE", "CONNECT", "PROPFIND", "DELETE", "PATCH", "PUT", "OPTIONS"]) {
      expect(check(method, "/"), method).toMatchObject({ status: 405, allow: "GET, HEAD, POST" });
    }
    // No route: Next.js answers 404; only methods no route takes stop here.
    expect(check("GET", "/no/such/page")).toBeNull();
    expect(check("TRACE", "/no/such/page")).toMatchObject({ status: 405 });
  });

  test("the most specific route answers: static segments before [id] before [...rest]", () => {
    expect(routeAt("/api/v1/articles")?.template).toBe("/api/v1/articles");
    expect(routeAt("/api/v1/claims/abc/vote")?.template).toBe("/api/v1/claims/[id]/vote");
    expect(routeAt("/api/v1/claims/abc/nothing/here")?.template).toBe("/api/v1/[...unknown]");
    expect(routeAt("/responses/abc/history")?.template).toBe("/responses/[id]/history");
    expect(routeAt("/editor/new")?.template).toBe("/editor/new");
    expect(routeAt("/")?.template).toBe("/");
    expect(routeAt("/claims")).toBeNull();
  });
});

describe("addresses", () => {
  test.each([
    ["/claims/%E0%A4%A", "a truncated escape"],
    ["/articles/%ZZ", "a malformed escape"],
    ["/users/%FF", "a byte that is not UTF-8"],
    ["/users/%C0%AF", "an overlong UTF-8 form"],
    ["/responses/%ED%A0%80/history", "a UTF-16 surrogate"],
    ["/claims/abc%00", "NUL in the path"],
    ["/claims/a%0Ab", "a line feed in the path"],
    ["/search?q=%00", "NUL in the query"],
    ["/search?q=a%00b&type=all", "NUL inside a query value"],
    ["/search?q=%E0%A4%A", "a truncated escape in the query"],
    ["/search?%00=1", "NUL in a query name"],
    ["/api/v1/claims/x/responses?parent=%00", "NUL in an API filter"],
  ])("%s (%s) is a 400", (url) => {
    expect(checkTarget(url)).toMatchObject({ status: 400, code: "invalid_request" });
  });

  test.each([
    "/",
    "/articles/why-the-us-should-reconsider",
    "/search?q=caf%C3%A9+au+lait&type=all&page=2",
    "/search?q=%F0%9F%98%80",
    "/search?q=line%0Abreak",
    "/search?q=100%25",
    "/signin?callbackUrl=%2Fclaims%2Fabc%3Fsort%3Dnewest",
    "/claims/abc?_rsc=1x2y",
    "/api/v1/claims/abc/responses?limit=20&parent=root",
    "/_next/static/chunks/app.js",
  ])("%s passes", (url) => {
    expect(checkTarget(url)).toBeNull();
  });

  test("never throws, whatever the address", () => {
    const piece = fc.constantFrom(
      "%",
      "0",
      "A",
      "e",
      "F",
      "Z",
      "/",
      "?",
      "&",
      "=",
      "+",
      "x",
      "%00",
      "%E0",
      "%A4",
      "%FF",
      "%C0%AF",
      "%F0%9F%98%80",
      "%0A",
      "%25",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const refusal = checkTarget(`/${pieces.join("")}`);
        if (refusal) expect(refusal.status).toBe(400);
      }),
      { numRuns: 5_000 },
    );
  });

  test("a path that encodes any text without NUL or controls passes, and one with NUL is refused", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", minLength: 1 }), (text) => {
        const clean = text.replace(/[\u0000-\u001f\u007f]/g, "");
        expect(checkTarget(`/claims/${encodeURIComponent(clean)}?q=${encodeURIComponent(text.replace(/\u0000/g, ""))}`)).toBeNull();
        expect(checkTarget(`/claims/${encodeURIComponent(`${clean}\u0000`)}`)).toMatchObject({ status: 400 });
      }),
    );
  });
});

describe("bodies", () => {
  test("which media types are read: text bodies only", () => {
    expect(bodyIsChecked("application/json")).toBe(true);
    expect(bodyIsChecked("application/problem+json; charset=utf-8")).toBe(true);
    expect(bodyIsChecked("application/x-www-form-urlencoded")).toBe(true);
    expect(bodyIsChecked("text/plain;charset=UTF-8")).toBe(true);
    expect(bodyIsChecked("multipart/form-data; boundary=x")).toBe(true);
    expect(bodyIsChecked("application/octet-stream")).toBe(false);
    expect(bodyIsChecked("")).toBe(false);
  });

  test("NUL in JSON, as an escape or a raw byte, is a 400; the literal text \\u0000 is not", async () => {
    expect(await checkBody("application/json", json({ body: "an argument\u0000" }))).toMatchObject({ status: 400 });
    expect(await checkBody("application/json", json({ nested: [{ deep: ["\u0000"] }] }))).toMatchObject({ status: 400 });
    expect(await checkBody("application/json", Buffer.from('{"a":"x\u0000"}'))).toMatchObject({ status: 400 });
    expect(await checkBody("application/json", Buffer.from('{"a":"\\\\\\u0000"}'))).toMatchObject({ status: 400 }); // \\ then \u0000
    expect(await checkBody("application/json", json({ body: "write \\u0000 to mean NUL" }))).toBeNull();
    expect(await checkBody("application/json", json({ body: "plain text, émoji 😀" }))).toBeNull();
  });

  test("a body that says it is JSON and is not (or is empty) is a 400 malformed_json, whatever the route", async () => {
    // Found by the fuzz: next-auth answered POST /api/auth/<anything> with such a body with a 500.
    for (const body of ["x9>S", "", "{not json", '{"a":1']) {
      expect(await checkBody("application/json", Buffer.from(body)), body).toMatchObject({ status: 400, code: "malformed_json" });
    }
    expect(await checkBody("application/problem+json", Buffer.from("nope"))).toMatchObject({ code: "malformed_json" });
    expect(await checkBody("application/json", Buffer.from('{"value":"agree"}'))).toBeNull();
    expect(await checkBody("application/json", Buffer.from(" null "))).toBeNull();
    expect(await checkBody("text/plain;charset=UTF-8", Buffer.from("not json and that is fine"))).toBeNull();
  });

  test("server actions' text/plain arguments are checked the same way", async () => {
    expect(await checkBody("text/plain;charset=UTF-8", json([{ note: "spam\u0000" }]))).toMatchObject({ status: 400 });
    expect(await checkBody("text/plain;charset=UTF-8", json([{ note: "fine" }]))).toBeNull();
  });

  test("invalid UTF-8 is a 400", async () => {
    expect(await checkBody("application/json", Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]))).toMatchObject({ status: 400 });
    expect(await checkBody("text/plain", Buffer.from([0xc0, 0xaf]))).toMatchObject({ status: 400 });
  });

  test("forms: repeated and encoded fields are decoded; NUL or a malformed escape anywhere is a 400", async () => {
    expect(await checkBody("application/x-www-form-urlencoded", Buffer.from("email=a%40b.c&password=x%00y&csrfToken=t"))).toMatchObject({ status: 400 });
    expect(await checkBody("application/x-www-form-urlencoded", Buffer.from("email=a%40b.c&email=%E0%A4%A"))).toMatchObject({ status: 400 });
    expect(await checkBody("application/x-www-form-urlencoded", Buffer.from("email=a%40b.c&password=p%C3%A4ss+word&json=true"))).toBeNull();
  });

  test("multipart: text fields are checked, files are not", async () => {
    const multipart = (parts: string) => Buffer.from(`--B\r\n${parts}--B--\r\n`, "latin1");
    const type = "multipart/form-data; boundary=B";
    expect(await checkBody(type, multipart('Content-Disposition: form-data; name="note"\r\n\r\nhello\u0000\r\n'))).toMatchObject({ status: 400 });
    expect(await checkBody(type, multipart('Content-Disposition: form-data; name="note"\r\n\r\nhello\r\n'))).toBeNull();
    expect(await checkBody(type, multipart('Content-Disposition: form-data; name="f"; filename="a.bin"\r\n\r\n\u0000\u00ff\r\n'))).toBeNull();
    expect(await checkBody("multipart/form-data", Buffer.from("x"))).toMatchObject({ status: 400 });
  });

  test("never throws, whatever the bytes", async () => {
    const types = ["application/json", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=b"];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...types), fc.uint8Array({ maxLength: 300 }), async (type, bytes) => {
        const refusal = await checkBody(type, Buffer.from(bytes));
        if (refusal) expect(refusal.status).toBe(400);
      }),
      { numRuns: 2_000 },
    );
  });
});
