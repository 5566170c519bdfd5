// Browser test of the Python package's descent.show(): the venv's Python
// (make python-test's, with the wheel installed) starts the package's own
// server of its bundled page and prints descent.playground_url(config);
// headless Chromium opens that address and must show the playground in
// the config's state, under the package's security headers, with no
// console error or CSP violation. It is not an e2e/*_test.mjs because it
// needs the venv, not cmd/serve. Usage: node e2e/pyshow.mjs PYTHON OUT_DIR
import { spawn } from "node:child_process";
import { check, finish, watch, withBrowser, distinctColours } from "./lib.mjs";

const python = process.argv[2];
const script = `
import sys, descent
print(descent.playground_url(model="surface", surface="rosenbrock", optimizer="adam", lr=0.05, start=[-1, 2], steps=300), flush=True)
sys.stdin.read()
`;
const child = spawn(python, ["-c", script], { stdio: ["pipe", "pipe", "inherit"] });
const url = await new Promise((resolve, reject) => {
  let out = "";
  child.stdout.on("data", (d) => {
    out += d;
    if (out.includes("\n")) resolve(out.split("\n")[0].trim());
  });
  child.on("exit", (code) => reject(new Error(`python exited ${code} before printing the address`)));
});
check(/^http:\/\/127\.0\.0\.1:\d+\/index\.html#config=/.test(url), `the package serves the page on localhost (${url.slice(0, 60)}…)`);

try {
  await withBrowser({}, async (context) => {
    const page = await context.newPage();
    const problems = await watch(page);
    const res = await page.goto(url);
    const csp = res.headers()["content-security-policy"] ?? "";
    check(/script-src 'self' 'wasm-unsafe-eval'/.test(csp) && res.headers()["x-content-type-options"] === "nosniff",
      `with cmd/serve's security headers (${csp.slice(0, 50)}…)`);
    await page.waitForFunction(() => window.descent && window.descent.getState && !location.hash.includes("config="),
      null, { timeout: 60000, polling: 100 });
    const st = JSON.parse(await page.evaluate(() => window.descent.getState()));
    check(st.scenario === "rosenbrock" && st.racers.join() === "adam" && st.optimizers.adam.lr === 0.05 && st.steps === 300,
      `in the config's state (${st.scenario}: ${st.racers}, lr ${st.optimizers.adam.lr}, ${st.steps} steps)`);
    await page.waitForTimeout(1000);
    const shot = await page.locator("canvas").screenshot();
    check(distinctColours(shot) > 20, `the playground is drawn (${distinctColours(shot)} colours)`);
    check(problems.length === 0, `no console error or CSP violation (${problems.join("; ")})`);
  });
} finally {
  child.stdin.end();
  child.kill();
}
finish("pyshow");
