// Browser test of the page under its strict Content-Security-Policy, as
// cmd/serve sends it: the policy allows WebAssembly but not eval, inline
// script or inline style, and nothing from other origins; under it the page
// loads, draws the surface, builds its panel and plays, with no CSP
// violation, page error or console error. A positive control injects an
// inline script, which the policy must block and the listener must see.
// Usage: node e2e/csp_test.mjs BASE_URL OUT_DIR
import { base, check, finish, state, waitForPanel, waitForSurface, watch, withBrowser } from "./lib.mjs";

await withBrowser({}, async (context) => {
  const page = await context.newPage();
  const problems = await watch(page);
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  const response = await page.goto(base + "?scenario=beale");
  const csp = response.headers()["content-security-policy"] ?? "";
  console.log(`policy: ${csp}`);
  const directives = Object.fromEntries(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  const has = (name, ...sources) => sources.every((s) => (directives[name] ?? []).includes(s));
  check(has("default-src", "'self'") && directives["default-src"].length === 1, "default-src is 'self' alone");
  check(has("script-src", "'self'", "'wasm-unsafe-eval'") && directives["script-src"].length === 2,
    `script-src is 'self' 'wasm-unsafe-eval' (${directives["script-src"]?.join(" ")})`);
  check(!/'unsafe-eval'|'unsafe-inline'|\*/.test(csp), "the policy allows no eval, no inline code and no wildcard");
  check(has("style-src", "'self'") && has("frame-ancestors", "'self'"), "style-src and frame-ancestors are 'self'");
  check(response.headers()["x-content-type-options"] === "nosniff", "X-Content-Type-Options: nosniff");

  const played = await waitForSurface(page, Date.now())
    .then(() => waitForPanel(page))
    .then(() => page.locator('#controls [data-key="play"]').click())
    .then(() => page.waitForFunction(() => JSON.parse(window.descent.state()).steps >= 20, null, { timeout: 30000 }))
    .then(() => true, () => false);
  if (!played) {
    check(false, `under the policy the page draws, builds its panel and plays (${problems.join("; ")})`);
    finish("csp");
  }
  check(played, "under the policy the page draws, builds its panel and plays");
  const s = await state(page);
  check(s.surface_frames > 0 && s.scenario === "beale", `the surface is drawn (${s.surface_frames} frames)`);
  const origin = new URL(base).origin;
  const foreign = requests.filter((u) => !u.startsWith(origin) && !u.startsWith("data:"));
  check(foreign.length === 0, `nothing is requested from other origins (${foreign.join(", ")})`);
  check(problems.length === 0, `no CSP violations, page errors or console errors (${problems.join("; ")})`);

  // The positive control: an inline script is blocked and reported.
  const ran = await page.evaluate(() => new Promise((resolve) => {
    const el = document.createElement("script");
    el.textContent = "window.__inlineRan = true;";
    document.head.append(el);
    setTimeout(() => resolve(window.__inlineRan === true), 200);
  }));
  check(!ran && problems.some((p) => p.startsWith("CSP violation: script-src")),
    `an inline script is blocked and its violation is seen (${problems.join("; ")})`);
});
finish("csp");
