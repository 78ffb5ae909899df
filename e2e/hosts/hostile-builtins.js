// Changes the page's built-ins the way real sites' libraries do, before the loader runs. Which changes: the
// query string, e.g. hostile-builtins.html?object-prototype&array-tojson.
// An external file, loaded before the loader, so the same page works under any CSP and in every engine.
(() => {
  const PATCHES = {
    // One enumerable property on Object.prototype: every `for…in` and every `in` check now sees it.
    'object-prototype': () => {
      Object.prototype.polluted = 'yes';
    },
    // Enumerable array extras, as old utility libraries add them.
    'array-prototype': () => {
      Array.prototype.polluted = 'yes';
      Array.prototype.last = function () {
        return this[this.length - 1];
      };
    },
    // Prototype.js 1.6/1.7: arrays serialise themselves to a JSON *string*, so JSON.stringify({ a: [1] }) is
    // '{"a":"[1]"}'. Still on many old sites (and in Magento 1 shops).
    'array-tojson': () => {
      Array.prototype.toJSON = function () {
        const parts = [];
        for (let i = 0; i < this.length; i++) {
          const value = JSON.stringify(this[i]);
          if (value !== undefined) parts.push(value);
        }
        return `[${parts.join(', ')}]`;
      };
    },
    // An APM or analytics wrapper: same behaviour, different function, arguments passed through.
    fetch: () => {
      const original = window.fetch;
      window.fetch = function fetch(input, init) {
        window.__wrappedFetchCalls = (window.__wrappedFetchCalls || 0) + 1;
        return original.call(this, input, init);
      };
    },
    // Single-page-app analytics: history.pushState/replaceState wrapped to report route changes.
    history: () => {
      for (const name of ['pushState', 'replaceState']) {
        const original = history[name];
        history[name] = function (...args) {
          const result = original.apply(this, args);
          window.dispatchEvent(new Event('locationchange'));
          return result;
        };
      }
    },
    // zone.js (Angular): window.Promise replaced by its own class, and the native then() wrapped so every
    // callback runs inside a zone.
    promise: () => {
      const NativePromise = window.Promise;
      const nativeThen = NativePromise.prototype.then;
      const inZone = (callback) =>
        typeof callback === 'function'
          ? function (...args) {
              window.__zoneCallbacks = (window.__zoneCallbacks || 0) + 1;
              return callback.apply(this, args);
            }
          : callback;
      // biome-ignore lint/suspicious/noThenProperty: replacing the native then() is exactly what zone.js does.
      NativePromise.prototype.then = function then(onFulfilled, onRejected) {
        return nativeThen.call(this, inZone(onFulfilled), inZone(onRejected));
      };
      class ZoneAwarePromise extends NativePromise {}
      window.Promise = ZoneAwarePromise;
    },
    // Broken beyond use (an old JSON polyfill gone wrong): the form must say so, once, not fail silently.
    'broken-json': () => {
      JSON.stringify = () => '{}';
    },
  };
  const wanted = location.search.slice(1).split('&').filter(Boolean);
  if (!wanted.length) throw new Error('hostile-builtins.js: name the patches in the query string');
  // What was applied, for the spec to check that the page really is the hostile one it asked for.
  window.__patches = [];
  for (const name of wanted) {
    if (!Object.hasOwn(PATCHES, name)) throw new Error(`hostile-builtins.js: no patch called ${name}`);
    PATCHES[name]();
    window.__patches.push(name);
  }
})();
