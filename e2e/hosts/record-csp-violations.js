// Records every Content-Security-Policy violation into window.__cspViolations, so a spec can assert that the
// widget needs nothing a strict policy forbids (inline script or style, eval, other origins).
// External on purpose: csp.html allows no inline script. Load it first, before anything can violate.
(() => {
  window.__cspViolations = window.__cspViolations || [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__cspViolations.push({
      directive: event.effectiveDirective,
      blockedURI: event.blockedURI,
      sourceFile: event.sourceFile,
      lineNumber: event.lineNumber,
      sample: event.sample,
    });
  });
})();
