// Embed mode: a page opened with embed=1 in its link (an <iframe> of the
// lessons) hides the control panel, gives the canvas the whole frame and
// shows a small bar: play/pause, reset, and a link that opens the same
// state, without embed, in the playground in a new tab. The state's own
// "embed" field decides; the address is looked at first only so that the
// panel does not flash before the Go program starts.
(() => {
  const root = document.documentElement;
  const key = /^embed=/i; // the state table's link key (playground: "embed")
  const fromAddress = location.hash.slice(1).split("&").some((p) => /^embed=(1|true)$/i.test(p));
  root.classList.toggle("embed", fromAddress);

  const bar = document.createElement("nav");
  bar.id = "embed-bar";
  bar.setAttribute("aria-label", "Playground");
  const button = (name, label, title) => {
    const b = document.createElement("button");
    b.type = "button";
    b.dataset.press = name;
    b.textContent = label;
    b.title = title;
    b.setAttribute("aria-label", title);
    b.addEventListener("click", () => window.descent.press(name).then(follow));
    return b;
  };
  const play = button("play", "▶", "play (space)");
  const link = document.createElement("a");
  link.id = "open-playground";
  link.target = "_blank";
  link.rel = "noopener";
  link.textContent = "open in playground ↗";
  link.href = "index.html";
  bar.append(play, button("reset", "↺", "reset (r)"), link);

  // playgroundURL is the page's link to the current state, less embed.
  function playgroundURL() {
    const url = new URL(window.descent.stateURL());
    url.hash = url.hash.slice(1).split("&").filter((p) => !key.test(p)).join("&");
    return url.href;
  }

  function follow() {
    const st = JSON.parse(window.descent.getState());
    root.classList.toggle("embed", st.embed === true);
    if (st.embed !== true) {
      bar.remove();
      return;
    }
    if (!bar.isConnected) document.body.append(bar);
    play.textContent = st.play ? "❚❚" : "▶";
    play.title = st.play ? "pause (space)" : "play (space)";
    play.setAttribute("aria-label", play.title);
    const href = playgroundURL();
    if (link.href !== href) link.href = href;
  }

  const start = setInterval(() => {
    if (!window.descent || !window.descent.getState) return;
    clearInterval(start);
    follow();
    setInterval(follow, 500);
  }, 50);
})();
