// Records every widget event into window.__events for the e2e specs, through the public command queue only.
// It is an external file (not inline) so that pages with no inline script, or with a strict CSP, can use it.
// Load it BEFORE the loader: it installs the same stub as the snippet, so its 'on' calls are queued and replayed.
(() => {
  const EVENTS = ['ready', 'open', 'close', 'submit', 'registered', 'room', 'offline-message', 'error'];
  window.__events = window.__events || [];
  window.RocketChatPrechat =
    window.RocketChatPrechat ||
    function () {
      // biome-ignore lint/suspicious/noAssignInExpressions lint/complexity/noArguments: the snippet's stub, verbatim.
      (window.RocketChatPrechat.q = window.RocketChatPrechat.q || []).push(arguments);
    };
  // A JSON copy, so a later mutation by the widget cannot rewrite history and the spec reads plain data.
  const snapshot = (detail) => {
    try {
      return detail === undefined ? null : JSON.parse(JSON.stringify(detail));
    } catch {
      return String(detail);
    }
  };
  for (const name of EVENTS) {
    window.RocketChatPrechat('on', name, (detail) => {
      window.__events.push({ name, detail: snapshot(detail) });
    });
  }
})();
