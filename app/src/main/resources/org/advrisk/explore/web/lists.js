/* advrisk: the one list grammar, as org.advrisk.param.Lists reads it (same items, values and messages):
   numbers and grids linspace:A,B,COUNT, logspace:LO,HI,COUNT, geomspace:A,B,COUNT in a comma list.
   ListsBrowserTest runs both on one table of inputs. */
'use strict';
(function () {
  const RANGES = 'linspace:A,B,COUNT, logspace:LO,HI,COUNT, geomspace:A,B,COUNT';
  const MAX_COUNT = 100000;
  const KINDS = ['linspace', 'logspace', 'geomspace'];
  const DECIMAL = /^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/;
  const SPECIAL = /^[+-]?(Infinity|NaN)$/;

  /** A user value in a message: control characters escaped, cut to 120 characters (param.UserText.quote). */
  function quote(s) {
    let t = s;
    if (t.length > 120) {
      let keep = 120;
      const c = t.charCodeAt(keep - 1);
      if (c >= 0xd800 && c <= 0xdbff) keep--;
      t = t.substring(0, keep) + '…(' + s.length + ' characters)';
    }
    return t.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g, (ch) => {
      if (ch === '\n') return '\\n';
      if (ch === '\r') return '\\r';
      if (ch === '\t') return '\\t';
      return '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0');
    });
  }

  function fail(message) { throw new Error(message); }

  /** Java's String.trim: drops characters <= ' ' at both ends. */
  function trim(s) {
    let a = 0; let b = s.length;
    while (a < b && s.charCodeAt(a) <= 32) a++;
    while (b > a && s.charCodeAt(b - 1) <= 32) b--;
    return s.substring(a, b);
  }

  function parse(t) {
    if (DECIMAL.test(t) || SPECIAL.test(t)) return Number(t);
    return undefined;
  }

  function isGrid(item) { return item.indexOf(':') > 0; }

  function items(path, text) {
    const parts = text == null ? [] : String(text).split(',');
    const out = [];
    for (let i = 0; i < parts.length; i++) {
      const t = trim(parts[i]);
      if (isGrid(t)) {
        if (i + 2 >= parts.length) {
          fail(`${path}: '${quote(trim(parts.slice(i).join(',')))}' is a bad grid: needs 3 values FROM,TO,COUNT; allowed: ${RANGES}`);
        }
        out.push(t + ',' + trim(parts[i + 1]) + ',' + trim(parts[i + 2]));
        i += 2;
      } else if (t !== '') {
        out.push(t);
      }
    }
    if (out.length === 0) fail(`${path}: empty list; give at least one value`);
    return out;
  }

  function number(path, text, allowed) {
    const t = trim(text == null ? '' : String(text));
    const v = parse(t);
    if (v === undefined) fail(`${path}: '${quote(t)}' is not a number; allowed: ${allowed}, a list of them, or a grid ${RANGES}`);
    if (!isFinite(v)) fail(`${path}: '${quote(t)}' is not a finite number; allowed: ${allowed}`);
    return v;
  }

  function grid(kind, a, b, count) {
    const out = [];
    for (let i = 0; i < count; i++) {
      const t = count === 1 ? 0 : i / (count - 1);
      if (kind === 'linspace') out.push(a + t * (b - a));
      else if (kind === 'logspace') out.push(Math.pow(10, a + t * (b - a)));
      else out.push(Math.exp(Math.log(a) + t * (Math.log(b) - Math.log(a))));
    }
    if (kind === 'geomspace') { out[0] = a; if (count > 1) out[count - 1] = b; }
    if (kind === 'logspace' && Number.isInteger(a) && Number.isInteger(b)) {
      out[0] = Math.pow(10, a); if (count > 1) out[count - 1] = Math.pow(10, b);
    }
    return out;
  }

  function expand(path, text) {
    const colon = text.indexOf(':');
    const kind = trim(text.substring(0, colon)).toLowerCase();
    const parts = text.substring(colon + 1).split(',');
    const bad = `${path}: '${quote(text)}' is a bad grid: `;
    if (!KINDS.includes(kind)) fail(`${bad}unknown kind '${quote(kind)}'; allowed: ${RANGES}`);
    if (parts.length !== 3) fail(`${bad}needs 3 values FROM,TO,COUNT; allowed: ${RANGES}`);
    const [a, b, c] = parts.map((p) => parse(trim(p)));
    if (a === undefined || b === undefined || c === undefined) fail(`${bad}FROM, TO and COUNT must be numbers; allowed: ${RANGES}`);
    if (!isFinite(a) || !isFinite(b)) fail(`${bad}FROM and TO must be finite`);
    if (!Number.isInteger(c) || c < 1 || c > MAX_COUNT) fail(`${bad}COUNT ${quote(trim(parts[2]))} must be an integer from 1 to ${MAX_COUNT}`);
    if (kind === 'geomspace' && !(a > 0 && b > 0)) fail(`${bad}geomspace needs FROM > 0 and TO > 0`);
    return grid(kind, a, b, c);
  }

  function values(path, item, allowed) { return isGrid(item) ? expand(path, item) : [number(path, item, allowed)]; }

  function numbers(path, text, allowed) {
    const out = [];
    for (const item of items(path, text)) out.push(...values(path, item, allowed));
    return out;
  }

  window.advriskLists = { RANGES, MAX_COUNT, items, isGrid, numbers, expand, quote };
})();
