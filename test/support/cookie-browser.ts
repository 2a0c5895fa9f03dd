import { CookieJar } from "tough-cookie";

export type Page = { url: URL; status: number; body: string; headers: Headers };

/**
 * Just enough of a browser for sign-in tests: real HTTP with fetch, a cookie jar (tough-cookie, RFC 6265
 * rules for Path, Max-Age, HttpOnly…), redirects followed one hop at a time so a test can stop or rewrite
 * any of them, and the HTML forms of the OpenID provider filled in and submitted.
 */
export class CookieBrowser {
  readonly jar = new CookieJar();

  async request(url: URL, init: { method?: string; form?: Record<string, string> } = {}): Promise<Page> {
    const headers: Record<string, string> = {};
    const cookie = await this.jar.getCookieString(url.href);
    if (cookie) headers.cookie = cookie;
    let body: string | undefined;
    if (init.form) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      body = new URLSearchParams(init.form).toString();
    }
    const res = await fetch(url, {
      method: init.method ?? (init.form ? "POST" : "GET"),
      headers,
      body,
      redirect: "manual",
    });
    for (const line of res.headers.getSetCookie()) await this.jar.setCookie(line, url.href);
    return { url, status: res.status, body: await res.text(), headers: res.headers };
  }

  /**
   * Follows redirects from `start`, signing in at the provider as `login` when its forms appear. `rewrite`
   * may change any URL before it is requested (a tampering attacker); `stopAt` returns the URL unvisited.
   */
  async browse(
    start: URL,
    options: { login?: string; rewrite?: (url: URL) => URL; stopAt?: (url: URL) => boolean } = {},
  ): Promise<Page> {
    let next: { url: URL; form?: Record<string, string> } = { url: start };
    for (let hop = 0; hop < 25; hop++) {
      const url = options.rewrite ? options.rewrite(next.url) : next.url;
      if (options.stopAt?.(url)) return { url, status: 0, body: "", headers: new Headers() };
      const page = await this.request(url, { form: next.form });
      const location = page.headers.get("location");
      if (page.status >= 300 && page.status < 400 && location) {
        next = { url: new URL(location, url) };
        continue;
      }
      const form = providerForm(page, options.login);
      if (!form) return page;
      next = form;
    }
    throw new Error(`too many redirects from ${start.href}`);
  }
}

/** The oidc-provider development login or consent form on a page, filled in; null on any other page. */
function providerForm(page: Page, login: string | undefined): { url: URL; form: Record<string, string> } | null {
  if (!page.url.pathname.startsWith("/interaction/")) return null;
  const action = /<form[^>]*action="([^"]+)"[^>]*method="post"/.exec(page.body)?.[1];
  const prompt = /name="prompt" value="([^"]+)"/.exec(page.body)?.[1];
  if (!action || !prompt) return null;
  const form: Record<string, string> = { prompt };
  if (prompt === "login") {
    if (!login) throw new Error("the provider asked for a login and the test gave none");
    Object.assign(form, { login, password: "any password" });
  }
  return { url: new URL(action.replace(/&amp;/g, "&"), page.url), form };
}
