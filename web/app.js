// Glue between the page and the Go core: loads descent.wasm, runs the
// config in the text box and draws the loss curve on a log scale.
const go = new Go();
const out = document.getElementById("out");
const button = document.getElementById("run");

function drawCurve(loss) {
  const c = document.getElementById("curve"), g = c.getContext("2d");
  g.clearRect(0, 0, c.width, c.height);
  const ys = loss.filter((v) => v > 0).map(Math.log10);
  if (ys.length < 2) return;
  const lo = Math.min(...ys), hi = Math.max(...ys), span = hi - lo || 1;
  g.strokeStyle = "#3b6fd8"; g.lineWidth = 2; g.beginPath();
  ys.forEach((y, i) => {
    const px = 8 + (i / (ys.length - 1)) * (c.width - 16);
    const py = c.height - 8 - ((y - lo) / span) * (c.height - 16);
    i ? g.lineTo(px, py) : g.moveTo(px, py);
  });
  g.stroke();
}

function run() {
  const r = JSON.parse(window.descent.run(document.getElementById("config").value));
  if (r.error) { out.textContent = r.error; return; }
  const parts = r.params.map((n, i) => `${n}: ${r.final[i].toFixed(2)}`);
  out.textContent = `Optimized ${parts.join(", ")}\n${r.steps} steps, ${r.stop}, final loss ${r.loss[r.loss.length - 1].toPrecision(6)}`;
  drawCurve(r.loss);
}

window.addEventListener("descent-ready", () => { button.disabled = false; button.textContent = "Run"; });
button.addEventListener("click", run);
WebAssembly.instantiateStreaming(fetch("descent.wasm"), go.importObject)
  .then((res) => go.run(res.instance))
  .catch((err) => { out.textContent = "could not load descent.wasm: " + err; });
