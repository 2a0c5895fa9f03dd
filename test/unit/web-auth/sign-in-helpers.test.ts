import { describe, expect, it } from "vitest";
import { cookieJar } from "../../../src/web/auth/cookies.js";
import { csrfMatches } from "../../../src/web/auth/csrf.js";
import { safeReturnTo } from "../../../src/web/auth/return-to.js";

describe("safeReturnTo: only paths on this server", () => {
  it.each([
    ["/staff/teams/lambeth?month=2022-12", "/staff/teams/lambeth?month=2022-12"],
    ["/staff", "/staff"],
    ["/staff/../auth/sign-in", "/auth/sign-in"],
  ])("keeps %s", (input, expected) => {
    expect(safeReturnTo(input)).toBe(expected);
  });

  it.each([
    null,
    "",
    "staff",
    "https://evil.example/staff",
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "/\\/evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "javascript:alert(1)",
    "http:/evil.example",
  ])("turns %j into /staff", (input) => {
    expect(safeReturnTo(input)).toBe("/staff");
  });
});

describe("cookies", () => {
  it("use the __Host- prefix and Secure over https, plain names over http (local tests)", () => {
    expect(cookieJar("https://cohort.example.org")).toEqual({
      secure: true,
      sessionName: "__Host-cohort_staff",
      attemptName: "__Host-cohort_sign_in",
    });
    expect(cookieJar("http://127.0.0.1:3978")).toMatchObject({ secure: false, sessionName: "cohort_staff" });
  });
});

describe("csrfMatches", () => {
  it("accepts only the exact token", () => {
    expect(csrfMatches("abc123", "abc123")).toBe(true);
    expect(csrfMatches("abc123", "abc124")).toBe(false);
    expect(csrfMatches("abc123", "abc12")).toBe(false);
    expect(csrfMatches("abc123", "")).toBe(false);
    expect(csrfMatches("abc123", undefined)).toBe(false);
  });
});
