// Loads descent.wasm; Ebitengine adds the canvas, which takes the page
// beside the control panel (panel.js builds the panel once the Go program
// has set window.descent up).
const go = new Go();
WebAssembly.instantiateStreaming(fetch("descent.wasm"), go.importObject)
  .then((res) => {
    document.getElementById("loading").remove();
    go.run(res.instance);
  })
  .catch((err) => {
    document.getElementById("error").textContent = "Could not load descent.wasm: " + err;
  });
