// The JavaScript half of the addon, run once per Node.js environment when the addon
// loads: the ErrmapError classes (exported, and thrown by the native code through
// `make`), the body serializer for object bodies, and the translation cache.
// Kept under a registered symbol, so that a worker thread or a second copy of the same
// version finds the same classes.
(function install(exports, key) {
  "use strict";
  if (globalThis[key]) return globalThis[key];

  class ErrmapError extends Error {
    static code = "ERRMAP_ERROR";
    constructor(message, details) {
      super(message);
      this.name = new.target.name;
      this.code = new.target.code;
      if (details) Object.assign(this, details);
    }
  }
  class UnknownVendorError extends ErrmapError {
    static code = "ERRMAP_UNKNOWN_VENDOR";
  }
  class UnknownCodeError extends ErrmapError {
    static code = "ERRMAP_UNKNOWN_CODE";
  }
  class InvalidInputError extends ErrmapError {
    static code = "ERRMAP_INVALID_INPUT";
  }
  class MalformedReferenceError extends InvalidInputError {
    static code = "ERRMAP_MALFORMED_REFERENCE";
  }
  class BodyTooLargeError extends InvalidInputError {
    static code = "ERRMAP_BODY_TOO_LARGE";
  }
  class CatalogueError extends ErrmapError {
    static code = "ERRMAP_CATALOGUE";
    constructor(message, details) {
      super(message, { problems: [], ...details });
    }
  }
  class DuplicateCatalogueError extends CatalogueError {
    static code = "ERRMAP_DUPLICATE_CATALOGUE";
  }
  class CatalogueReadError extends CatalogueError {
    static code = "ERRMAP_CATALOGUE_READ";
  }
  const classes = {
    ErrmapError,
    UnknownVendorError,
    UnknownCodeError,
    InvalidInputError,
    MalformedReferenceError,
    BodyTooLargeError,
    CatalogueError,
    DuplicateCatalogueError,
    CatalogueReadError,
  };

  function make(name, message, details) {
    return new (classes[name] || ErrmapError)(message, JSON.parse(details));
  }

  // An object body goes to the native code as JSON text: JSON.stringify is V8's own
  // and refuses cycles and BigInts with an error instead of recursing forever.
  function stringify(body) {
    let text;
    try {
      text = JSON.stringify(body);
    } catch (error) {
      throw new InvalidInputError(`the body cannot be written as JSON: ${error.message}`);
    }
    if (typeof text !== "string") {
      throw new InvalidInputError("the body cannot be written as JSON");
    }
    return text;
  }

  // A translation depends only on the registry, the code, the target and the locale,
  // and the answers are frozen: each is made once and handed out again.
  const LIMIT = 65536;
  function cached(native) {
    let cache = new Map();
    return function translate(code, target, options) {
      const locale = options == null ? undefined : options.locale;
      const key = locale === undefined ? code : `${locale}\u0000${code}`;
      let perTarget = cache.get(key);
      const found = perTarget && perTarget.get(target);
      if (found) return found;
      const answer = Object.freeze(native.call(this, code, target, options).map(Object.freeze));
      if (typeof code !== "string" || (target !== undefined && target !== null && typeof target !== "string")) {
        return answer;
      }
      if (!perTarget) {
        if (cache.size >= LIMIT) cache = new Map();
        perTarget = new Map();
        cache.set(key, perTarget);
      }
      perTarget.set(target, answer);
      return answer;
    };
  }

  Object.assign(exports, classes);
  exports.translate = cached(exports.translate);
  if (exports.Registry) {
    const translateOf = new WeakMap();
    const native = exports.Registry.prototype.translate;
    Object.defineProperty(exports.Registry.prototype, "translate", {
      configurable: true,
      writable: true,
      value: function translate(code, target, options) {
        let own = translateOf.get(this);
        if (!own) {
          own = cached(native);
          translateOf.set(this, own);
        }
        return own.call(this, code, target, options);
      },
    });
  }
  const support = { make, stringify };
  Object.defineProperty(globalThis, key, { value: support });
  return support;
});
