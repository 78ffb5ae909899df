// What an attacker would serve as "widget.js" from their own origin. The clobbering host page points the
// loader here; if this ever runs, it records that it ran and what the loader handed it.
window.__evilRan = true;
// biome-ignore lint/correctness/noUnusedVariables: a classic script's global, as the real widget.js defines it.
var RocketChatPrechatWidget = {
  mount(context) {
    window.__evilGot = { serverUrl: context.options.serverUrl };
    return { open() {}, close() {}, toggle() {}, prefill() {}, reset() {}, destroy() {} };
  },
};
