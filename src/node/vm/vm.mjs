// node:vm — Node's vm.Module API (v20 behaviour) over vmjs's module
// records. The classes follow the structure of Node's implementation
// (async link() and evaluate(), a per-module link step under a status
// override, the root instantiated at the end) so that statuses, errors and
// promise timing come out as Node's do; the binding does the spec's work
// (ParseModule, Link, Evaluate, GetModuleNamespace).
import binding from 'vmjs:vm-binding';
import { Buffer } from 'node:buffer';

const {
  compileSourceText, compileSynthetic, setHostDefined, moduleRequests, link: recordLinks,
  instantiate, evaluate: evaluateRecord, status: nativeStatus, error: nativeError,
  namespace: nativeNamespace, setExport: nativeSetExport, hasTopLevelAwait, isGraphAsync,
  makeContext, isContext: nativeIsContext, isModuleNamespace, inspect, importDeferred,
  moduleSource,
  compileScript, runScript, compileFunction: nativeCompileFunction, heapBytes, arrowMessage,
  createScriptCachedData, scriptCachedDataRejected, createModuleCachedData,
} = binding;

// ---------------------------------------------------------------------------
// Errors shaped like Node's: a subclass of Error/TypeError/RangeError with an
// own enumerable `code`, `String(e)` = `Name [CODE]: message`.

const errorPrototypes = new Map();

function errorPrototype(Base, code) {
  const key = `${Base.name} ${code}`;
  let proto = errorPrototypes.get(key);
  if (proto === undefined) {
    proto = Object.create(Base.prototype);
    Object.defineProperty(proto, 'toString', {
      value: function toString() { return `${this.name} [${code}]: ${this.message}`; },
      writable: true, enumerable: false, configurable: true,
    });
    Object.defineProperty(proto, 'constructor', {
      get() { return Base; }, enumerable: false, configurable: true,
    });
    errorPrototypes.set(key, proto);
  }
  return proto;
}

function nodeError(Base, code, message, cause) {
  const error = new Base(message);
  Object.setPrototypeOf(error, errorPrototype(Base, code));
  error.code = code;
  if (arguments.length > 3) error.cause = cause;
  const stack = String(error.stack);
  const rest = stack.indexOf('\n') >= 0 ? stack.slice(stack.indexOf('\n')) : '';
  Object.defineProperty(error, 'stack', {
    value: `${Base.name} [${code}]: ${message}${rest}`,
    writable: true, enumerable: false, configurable: true,
  });
  return error;
}

const statusError = (message) => nodeError(Error, 'ERR_VM_MODULE_STATUS', `Module status ${message}`);
const notModuleError = () => nodeError(Error, 'ERR_VM_MODULE_NOT_MODULE', 'Provided module is not an instance of Module');

// What "Received ..." says about a value (Node's determineSpecificType).
function describeReceived(value) {
  if (value === undefined || value === null) return String(value);
  if (typeof value === 'function') return `function ${value.name}`;
  if (typeof value === 'object') {
    const constructor = value.constructor;
    if (constructor && typeof constructor.name === 'string' && constructor.name !== '') {
      return `an instance of ${constructor.name}`;
    }
    return inspect(value, { depth: -1 });
  }
  let shown = inspect(value, { colors: false });
  if (shown.length > 28) shown = `${shown.slice(0, 25)}...`;
  return `type ${typeof value} (${shown})`;
}

// `expected` is the finished phrase: "of type string", "an instance of Module", …
function invalidArgType(name, expected, actual) {
  const what = name.includes('.') ? 'property' : 'argument';
  return nodeError(TypeError, 'ERR_INVALID_ARG_TYPE',
    `The "${name}" ${what} must be ${expected}. Received ${describeReceived(actual)}`);
}

function invalidArgValue(name, value, reason) {
  const what = name.includes('.') ? 'property' : 'argument';
  let shown = inspect(value);
  if (shown.length > 128) shown = `${shown.slice(0, 128)}...`;
  return nodeError(TypeError, 'ERR_INVALID_ARG_VALUE', `The ${what} '${name}' ${reason}. Received ${shown}`);
}

function withSeparators(text) {
  let out = '';
  let i = text.length;
  const start = text[0] === '-' ? 1 : 0;
  for (; i >= start + 4; i -= 3) out = `_${text.slice(i - 3, i)}${out}`;
  return `${text.slice(0, i)}${out}`;
}

function outOfRange(name, range, value) {
  let received;
  if (Number.isInteger(value) && Math.abs(value) > 2 ** 32) received = withSeparators(String(value));
  else received = inspect(value);
  return nodeError(RangeError, 'ERR_OUT_OF_RANGE',
    `The value of "${name}" is out of range. It must be ${range}. Received ${received}`);
}

function validateObject(value, name, allowArray = false) {
  if (value === null || typeof value !== 'object' || (!allowArray && Array.isArray(value))) {
    throw invalidArgType(name, 'of type object', value);
  }
}

function validateString(value, name) {
  if (typeof value !== 'string') throw invalidArgType(name, 'of type string', value);
}

function validateFunction(value, name) {
  if (typeof value !== 'function') throw invalidArgType(name, 'of type function', value);
}

function validateBoolean(value, name) {
  if (typeof value !== 'boolean') throw invalidArgType(name, 'of type boolean', value);
}

function validateInteger(value, name, min, max) {
  if (typeof value !== 'number') throw invalidArgType(name, 'of type number', value);
  if (!Number.isInteger(value)) throw outOfRange(name, 'an integer', value);
  if (value < min || value > max) throw outOfRange(name, `>= ${min} && <= ${max}`, value);
}

// ---------------------------------------------------------------------------
// Modules.

const kWrap = Symbol('kWrap');
const kContext = Symbol('kContext');
const kDependencySpecifiers = Symbol('kDependencySpecifiers');
const kPerContextModuleId = Symbol('kPerContextModuleId');
const kLink = Symbol('kLink');
const kNoError = Symbol('kNoError');

// Node's native statuses.
const kUninstantiated = 0;
const kInstantiating = 1;
const kInstantiated = 2;
const kEvaluating = 3;
const kEvaluated = 4;
const kErrored = 5;
const STATUS_NAMES = ['unlinked', 'linking', 'linked', 'evaluating', 'evaluated', 'errored'];

let globalModuleId = 0;

// `{ error }` once a SyntheticModule's evaluation steps threw during the
// current evaluate() call.
let syntheticThrow;

// The prototype of the handles the binding gives out.
const wrapPrototype = {
  __proto__: null,
  createCachedData() {
    return toCachedDataBuffer(createModuleCachedData(this));
  },
};

function hasOwn(object, key) {
  return object !== null && typeof object === 'object' && Object.prototype.hasOwnProperty.call(object, key);
}

function checkReceiver(receiver, key, className) {
  if (!hasOwn(receiver, key)) throw invalidArgType('this', `an instance of ${className}`, receiver);
}

function isModule(value) {
  return hasOwn(value, kWrap);
}

class Module {
  constructor(options) {
    if (new.target === Module) throw new TypeError('Module is not a constructor');
    const { context, sourceText, exportNames, evaluateCallback, cachedData } = options;
    let { identifier } = options;
    if (context !== undefined) {
      validateObject(context, 'context');
      if (!nativeIsContext(context)) throw invalidArgType('options.context', 'an vm.Context', context);
    }
    if (identifier !== undefined) {
      validateString(identifier, 'options.identifier');
    } else if (context !== undefined) {
      if (!Object.prototype.hasOwnProperty.call(context, kPerContextModuleId)) {
        Object.defineProperty(context, kPerContextModuleId, {
          value: 0, writable: true, enumerable: false, configurable: true,
        });
      }
      identifier = `vm:module(${context[kPerContextModuleId]++})`;
    } else {
      identifier = `vm:module(${globalModuleId++})`;
    }
    let wrap;
    if (sourceText !== undefined) {
      wrap = compileSourceText(sourceText, identifier, context, cachedData);
    } else {
      // The callback's `this` is an internal object with setExport (Node
      // passes its ModuleWrap), not the module.
      const callbackThis = {
        setExport: (name, value) => { nativeSetExport(wrap, name, value); },
      };
      wrap = compileSynthetic(exportNames, () => {
        try {
          evaluateCallback.call(callbackThis);
        } catch (error) {
          syntheticThrow = { error };
          throw error;
        }
      },
        identifier, context);
    }
    Object.setPrototypeOf(wrap, wrapPrototype);
    this[kWrap] = wrap;
    this[kContext] = context;
    this.#identifier = identifier;
  }

  #identifier;

  get identifier() {
    checkReceiver(this, kWrap, 'Module');
    return this.#identifier;
  }

  get context() {
    checkReceiver(this, kWrap, 'Module');
    return this[kContext];
  }

  get namespace() {
    checkReceiver(this, kWrap, 'Module');
    if (nativeStatus(this[kWrap]) < kInstantiated) throw statusError('must not be unlinked or linking');
    return nativeNamespace(this[kWrap]);
  }

  get status() {
    checkReceiver(this, kWrap, 'Module');
    return STATUS_NAMES[nativeStatus(this[kWrap])];
  }

  get error() {
    checkReceiver(this, kWrap, 'Module');
    if (this.status !== 'errored') throw statusError('must be errored');
    return nativeError(this[kWrap]);
  }

  async link(linker) {
    checkReceiver(this, kWrap, 'Module');
    validateFunction(linker, 'linker');
    if (this.status === 'linked') {
      throw nodeError(Error, 'ERR_VM_MODULE_ALREADY_LINKED', 'Module has already been linked');
    }
    if (this.status !== 'unlinked') throw statusError('must be unlinked');
    await this[kLink](linker);
    instantiate(this[kWrap]);
  }

  async evaluate(options = {}) {
    checkReceiver(this, kWrap, 'Module');
    validateObject(options, 'options');
    let timeout = options.timeout;
    if (timeout === undefined) timeout = -1;
    else validateInteger(timeout, 'options.timeout', 1, 4294967295);
    const { breakOnSigint = false } = options;
    validateBoolean(breakOnSigint, 'options.breakOnSigint');
    const status = nativeStatus(this[kWrap]);
    if (status !== kInstantiated && status !== kEvaluated && status !== kErrored) {
      throw statusError('must be one of linked, evaluated, or errored');
    }
    // V8 throws out of Module::Evaluate when a synthetic module's steps
    // throw (instead of returning the rejected promise), so Node's evaluate()
    // rejects without awaiting; later calls get the rejected promise.
    const outer = syntheticThrow;
    syntheticThrow = undefined;
    let promise;
    let thrown;
    try {
      promise = evaluateRecord(this[kWrap], timeout, breakOnSigint);
    } finally {
      thrown = syntheticThrow;
      syntheticThrow = outer;
    }
    if (thrown !== undefined) {
      promise.then(undefined, () => {});
      throw thrown.error;
    }
    await promise;
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options) {
    checkReceiver(this, kWrap, 'Module');
    const constructor = this.constructor;
    const name = typeof constructor === 'function' ? constructor.name : 'Module';
    if (typeof depth === 'number' && depth < 0) return `[${name}]`;
    const nested = { ...options, depth: options && typeof options.depth === 'number' ? options.depth - 1 : 1 };
    const indent = (text) => text.split('\n').join('\n  ');
    return `${name} {\n  status: ${inspect(this.status, nested)},\n`
      + `  identifier: ${inspect(this.identifier, nested)},\n`
      + `  context: ${indent(inspect(this.context, nested))}\n}`;
  }
}

// Runs `callback` for each of `promises` once all have fulfilled; rejects
// with the first rejection (Node's SafePromiseAllReturnArrayLike).
function allInOrder(promises) {
  return new Promise((resolve, reject) => {
    const results = new Array(promises.length);
    let pending = promises.length;
    if (pending === 0) resolve(results);
    for (let i = 0; i < promises.length; i++) {
      Promise.resolve(promises[i]).then((value) => {
        results[i] = value;
        pending -= 1;
        if (pending === 0) resolve(results);
      }, reject);
    }
  });
}

class SourceTextModule extends Module {
  #error = kNoError;
  #statusOverride;

  constructor(sourceText, options = {}) {
    validateString(sourceText, 'sourceText');
    validateObject(options, 'options');
    const {
      lineOffset = 0, columnOffset = 0, initializeImportMeta, importModuleDynamically,
      context, identifier, cachedData,
    } = options;
    validateInteger(lineOffset, 'options.lineOffset', -2147483648, 2147483647);
    validateInteger(columnOffset, 'options.columnOffset', -2147483648, 2147483647);
    if (initializeImportMeta !== undefined) {
      validateFunction(initializeImportMeta, 'options.initializeImportMeta');
    }
    if (importModuleDynamically !== undefined) {
      validateFunction(importModuleDynamically, 'options.importModuleDynamically');
    }
    if (cachedData !== undefined) validateBuffer(cachedData, 'options.cachedData');
    super({ sourceText, context, identifier, cachedData });
    this[kDependencySpecifiers] = undefined;
    const module = this;
    setHostDefined(this[kWrap],
      (meta) => { if (initializeImportMeta !== undefined) initializeImportMeta(meta, module); },
      (specifier, attributes, phase) =>
        importModule(module, importModuleDynamically, specifier, attributes, phase));
  }

  async [kLink](linker) {
    this.#statusOverride = 'linking';
    const requests = moduleRequests(this[kWrap]);
    const promises = [];
    // Every request is handed to the linker synchronously, in source order;
    // a synchronous throw escapes before the try below (Node's behaviour:
    // the module stays 'linking').
    for (let i = 0; i < requests.length; i++) {
      const { specifier, attributes } = requests[i];
      const result = linker(specifier, this, { attributes, assert: attributes });
      promises.push(Promise.resolve(result).then(async (module) => {
        if (!isModule(module)) throw notModuleError();
        if (module.context !== this.context) {
          throw nodeError(Error, 'ERR_VM_MODULE_DIFFERENT_CONTEXT', 'Linked modules must use the same context');
        }
        if (module.status === 'errored') {
          throw nodeError(Error, 'ERR_VM_MODULE_LINK_FAILURE',
            `request for '${specifier}' resolved to an errored module`, module.error);
        }
        if (module.status === 'unlinked') await module[kLink](linker);
        return module[kWrap];
      }));
    }
    try {
      const modules = await allInOrder(promises);
      recordLinks(this[kWrap], modules);
    } catch (e) {
      this.#error = e;
      throw e;
    } finally {
      this.#statusOverride = undefined;
    }
  }

  get dependencySpecifiers() {
    checkReceiver(this, kDependencySpecifiers, 'SourceTextModule');
    if (this[kDependencySpecifiers] === undefined) {
      this[kDependencySpecifiers] = moduleRequests(this[kWrap]).map((r) => r.specifier);
    }
    return this[kDependencySpecifiers];
  }

  get status() {
    checkReceiver(this, kDependencySpecifiers, 'SourceTextModule');
    if (this.#error !== kNoError) return 'errored';
    if (this.#statusOverride) return this.#statusOverride;
    return super.status;
  }

  get error() {
    checkReceiver(this, kDependencySpecifiers, 'SourceTextModule');
    if (this.#error !== kNoError) return this.#error;
    return super.error;
  }

  createCachedData() {
    const { status } = this;
    if (status === 'evaluating' || status === 'evaluated' || status === 'errored') {
      throw nodeError(Error, 'ERR_VM_MODULE_CANNOT_CREATE_CACHED_DATA',
        'Cached data cannot be created for a module which has been evaluated');
    }
    return this[kWrap].createCachedData();
  }

  // Newer Node (v24+). `phase` is 'evaluation' or 'source' as in Node, and
  // 'defer' for `import defer` (which Node has not shipped).
  get moduleRequests() {
    checkReceiver(this, kDependencySpecifiers, 'SourceTextModule');
    return Object.freeze(moduleRequests(this[kWrap]).map(({ specifier, attributes, phase }) =>
      Object.freeze({ __proto__: null, specifier, attributes: Object.freeze(attributes), phase })));
  }

  linkRequests(modules) {
    checkReceiver(this, kDependencySpecifiers, 'SourceTextModule');
    if (this.status !== 'unlinked') throw statusError('must be unlinked');
    if (!Array.isArray(modules)) throw invalidArgType('modules', 'an instance of Array', modules);
    const requests = moduleRequests(this[kWrap]);
    if (modules.length !== requests.length) {
      throw nodeError(TypeError, 'ERR_MODULE_LINK_MISMATCH',
        `Expected ${requests.length} modules, got ${modules.length}`);
    }
    const wraps = modules.map((module) => {
      if (!isModule(module)) throw notModuleError();
      if (module.context !== this.context) {
        throw nodeError(Error, 'ERR_VM_MODULE_DIFFERENT_CONTEXT', 'Linked modules must use the same context');
      }
      return module[kWrap];
    });
    recordLinks(this[kWrap], wraps);
  }

  instantiate() {
    checkReceiver(this, kDependencySpecifiers, 'SourceTextModule');
    if (this.status !== 'unlinked') throw statusError('must be unlinked');
    instantiate(this[kWrap]);
  }

  hasTopLevelAwait() {
    checkReceiver(this, kDependencySpecifiers, 'SourceTextModule');
    return hasTopLevelAwait(this[kWrap]);
  }

  hasAsyncGraph() {
    checkReceiver(this, kDependencySpecifiers, 'SourceTextModule');
    if (nativeStatus(this[kWrap]) < kInstantiated) throw statusError('must be instantiated');
    return isGraphAsync(this[kWrap]);
  }
}

// import() inside a SourceTextModule: through its importModuleDynamically.
async function importModule(referrer, callback, specifier, attributes, phase) {
  if (callback === undefined) {
    const message = 'A dynamic import callback was not specified.';
    const context = referrer[kContext];
    if (context === undefined) throw nodeError(TypeError, 'ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING', message);
    // Deviation: Node makes this error in the main realm, which hands code
    // in a context a way out (its constructor's constructor is the main
    // realm's Function). vmjs makes it in the referrer's context, as a plain
    // TypeError with Node's code and message (see spec-notes/17-limits.md).
    const make = compileFunction('const e = new TypeError(message); e.code = code; return e;',
      ['code', 'message'], { parsingContext: context });
    throw make('ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING', message);
  }
  // The phase of import.source() and import.defer() is a 4th argument
  // ('source' as in newer Node; 'defer', which Node has not shipped). A
  // plain import() passes three, as Node v20 does.
  const result = phase === 'evaluation'
    ? await callback(specifier, referrer, attributes)
    : await callback(specifier, referrer, attributes, phase);
  if (phase === 'defer') return importDeferredModule(result);
  if (phase === 'source') {
    // Newer Node: a namespace is not a module source; a module gives its
    // [[ModuleSource]] (none for source text: the SyntaxError).
    if (!isModule(result)) throw notModuleError();
    return moduleSource(result[kWrap]);
  }
  if (isModuleNamespace(result)) return result;
  if (!isModule(result)) throw notModuleError();
  if (result.status === 'errored') throw result.error;
  return result.namespace;
}

// import.defer() inside a SourceTextModule (Deferring Module Evaluation's
// ContinueDynamicImport for phase defer): importModuleDynamically must return
// a Module — a namespace will not do, as the module's deferred namespace and
// its asynchronous dependencies come from its record — and the module must be
// linked (as for `namespace`). Its asynchronous dependencies
// (GatherAsynchronousTransitiveDependencies) are evaluated; the module itself
// runs when its deferred namespace is first used.
async function importDeferredModule(module) {
  if (!isModule(module)) throw notModuleError();
  if (nativeStatus(module[kWrap]) < kInstantiated) {
    // A module whose link() failed.
    if (module.status === 'errored') throw module.error;
    throw statusError('must not be unlinked or linking');
  }
  // (A module whose evaluation threw still gives its deferred namespace, as
  // in ContinueDynamicImport: reading the namespace throws the error.)
  return importDeferred(module[kWrap]);
}

class SyntheticModule extends Module {
  constructor(exportNames, evaluateCallback, options = {}) {
    if (!Array.isArray(exportNames) || exportNames.some((name) => typeof name !== 'string')) {
      throw invalidArgType('exportNames', 'an Array of unique strings', exportNames);
    }
    const seen = new Set();
    for (const name of exportNames) {
      if (seen.has(name)) throw invalidArgValue(`exportNames.${name}`, name, 'is duplicated');
      seen.add(name);
    }
    validateFunction(evaluateCallback, 'evaluateCallback');
    validateObject(options, 'options');
    const { context, identifier } = options;
    super({ exportNames, evaluateCallback, context, identifier });
  }

  [kLink]() {}

  setExport(name, value) {
    checkReceiver(this, kWrap, 'SyntheticModule');
    validateString(name, 'name');
    if (nativeStatus(this[kWrap]) < kInstantiated) throw statusError('must be linked');
    nativeSetExport(this[kWrap], name, value);
  }
}

// ---------------------------------------------------------------------------
// Contexts.

let contextNameIndex = 1;

function isContext(object) {
  validateObject(object, 'object', true);
  return nativeIsContext(object);
}

function createContext(contextObject = {}, options = {}) {
  if (contextObject !== null && typeof contextObject === 'object' && nativeIsContext(contextObject)) {
    return contextObject;
  }
  validateObject(contextObject, 'object', true);
  validateObject(options, 'options');
  const {
    name = `VM Context ${contextNameIndex++}`, origin, codeGeneration, microtaskMode,
    importModuleDynamically,
  } = options;
  validateString(name, 'options.name');
  if (origin !== undefined) validateString(origin, 'options.origin');
  if (codeGeneration !== undefined) {
    validateObject(codeGeneration, 'options.codeGeneration');
    const { strings = true, wasm = true } = codeGeneration;
    validateBoolean(strings, 'options.codeGeneration.strings');
    validateBoolean(wasm, 'options.codeGeneration.wasm');
  }
  if (microtaskMode !== undefined && microtaskMode !== 'afterEvaluate') {
    throw invalidArgValue('options.microtaskMode', microtaskMode, "must be one of: 'afterEvaluate', undefined");
  }
  if (importModuleDynamically !== undefined) {
    validateFunction(importModuleDynamically, 'options.importModuleDynamically');
  }
  makeContext(contextObject);
  return contextObject;
}


// ---------------------------------------------------------------------------
// Scripts (Node's ContextifyScript and the functions over it).

function validateInt32(value, name) {
  validateInteger(value, name, -2147483648, 2147483647);
}

function validateUint32Positive(value, name) {
  validateInteger(value, name, 1, 4294967295);
}

function validateBuffer(value, name) {
  if (!ArrayBuffer.isView(value)) {
    throw invalidArgType(name, 'an instance of Buffer, TypedArray, or DataView', value);
  }
}

function validateContext(contextifiedObject) {
  validateObject(contextifiedObject, 'object', true);
  if (!nativeIsContext(contextifiedObject)) {
    throw invalidArgType('contextifiedObject', 'an vm.Context', contextifiedObject);
  }
}

// The value `createCachedData()` and `produceCachedData` give: the code
// cache's bytes (see syntax/cache in the crate), as a Buffer, as in Node.
function toCachedDataBuffer(bytes) {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

const kScript = Symbol('kScript');

// What V8 throws for a method called on an object that is not a Script.
function checkScript(receiver) {
  if (!hasOwn(receiver, kScript)) throw new TypeError('Illegal invocation');
}

// The options of runIn*Context that matter here: [timeout, displayErrors].
function getRunInContextArgs(options = {}) {
  validateObject(options, 'options');
  let timeout = options.timeout;
  if (timeout === undefined) timeout = -1;
  else validateUint32Positive(timeout, 'options.timeout');
  const { displayErrors = true, breakOnSigint = false } = options;
  validateBoolean(displayErrors, 'options.displayErrors');
  validateBoolean(breakOnSigint, 'options.breakOnSigint');
  return [timeout, displayErrors];
}

// displayErrors (node_contextify.cc's DecorateErrorStack): an object thrown
// out of the script gets, once, the "arrow message" of the place it was
// thrown (file:line, the line, a caret) — kept from its first decoration
// like Node's private arrow_message symbol — and its `stack`, when a
// string, is set to that arrow, a line feed and the old stack; the error
// counts as decorated even when that set fails. Exceptions from reading or
// setting `stack` are ignored.
const errorArrows = new WeakMap();
const decoratedErrors = new WeakSet();

function decorateErrorStack(error) {
  if (error === null || (typeof error !== 'object' && typeof error !== 'function')) return;
  if (decoratedErrors.has(error)) return;
  if (!errorArrows.has(error)) {
    const arrow = arrowMessage(error);
    if (arrow !== undefined) errorArrows.set(error, arrow);
  }
  try {
    const stack = error.stack;
    const arrow = errorArrows.get(error);
    if (arrow === undefined || typeof stack !== 'string') return;
    Reflect.set(error, 'stack', `${arrow}\n${stack}`);
  } catch {
    return;
  }
  decoratedErrors.add(error);
}

// Runs the script, decorating what it throws if displayErrors.
function runDisplayingErrors(script, context, [timeout, displayErrors]) {
  if (!displayErrors) return runScript(script, context, timeout);
  try {
    return runScript(script, context, timeout);
  } catch (error) {
    decorateErrorStack(error);
    throw error;
  }
}

class Script {
  constructor(code, options = {}) {
    code = `${code}`;
    if (typeof options === 'string') options = { filename: options };
    else validateObject(options, 'options');
    const {
      filename = 'evalmachine.<anonymous>', lineOffset = 0, columnOffset = 0, cachedData,
      produceCachedData = false, importModuleDynamically, [kParsingContext]: parsingContext,
    } = options;
    validateString(filename, 'options.filename');
    validateInt32(lineOffset, 'options.lineOffset');
    validateInt32(columnOffset, 'options.columnOffset');
    if (cachedData !== undefined) validateBuffer(cachedData, 'options.cachedData');
    validateBoolean(produceCachedData, 'options.produceCachedData');
    if (parsingContext !== undefined) validateContext(parsingContext);
    if (importModuleDynamically !== undefined && typeof importModuleDynamically !== 'symbol') {
      validateFunction(importModuleDynamically, 'options.importModuleDynamically');
    }
    // Deviation: import() in a script resolves against the host's loader
    // (relative to `filename`) whatever importModuleDynamically says.
    const script = compileScript(code, filename, lineOffset, columnOffset, cachedData);
    Object.defineProperty(this, kScript, { value: script, enumerable: false });
    if (cachedData !== undefined) this.cachedDataRejected = scriptCachedDataRejected(script);
    if (produceCachedData) {
      this.cachedData = toCachedDataBuffer(createScriptCachedData(script));
      this.cachedDataProduced = true;
    }
    this.sourceMapURL = sourceMapURLOf(code);
  }

  runInThisContext(options) {
    checkScript(this);
    return runDisplayingErrors(this[kScript], undefined, getRunInContextArgs(options));
  }

  runInContext(contextifiedObject, options) {
    checkScript(this);
    validateContext(contextifiedObject);
    return runDisplayingErrors(this[kScript], contextifiedObject, getRunInContextArgs(options));
  }

  runInNewContext(contextObject, options) {
    const context = createContext(contextObject, getContextOptions(options));
    return this.runInContext(context, options);
  }

  createCachedData() {
    checkScript(this);
    return toCachedDataBuffer(createScriptCachedData(this[kScript]));
  }
}

const kParsingContext = Symbol('script parsing context');

// The `//# sourceMappingURL=` comment V8 reports (the last one wins).
function sourceMapURLOf(code) {
  const matches = code.match(/\/[*/][#@]\s*sourceMappingURL=([^\s'"*]+)\s*(?:\*\/\s*)?$/gm);
  if (matches === null) return undefined;
  const last = matches[matches.length - 1];
  return last.replace(/^\/[*/][#@]\s*sourceMappingURL=/, '').replace(/\s*(\*\/)?\s*$/, '');
}

function getContextOptions(options) {
  if (options === undefined || options === null || typeof options !== 'object') return {};
  const contextOptions = {
    name: options.contextName,
    origin: options.contextOrigin,
    codeGeneration: undefined,
    microtaskMode: options.microtaskMode,
  };
  if (contextOptions.name !== undefined) validateString(contextOptions.name, 'options.contextName');
  if (contextOptions.origin !== undefined) validateString(contextOptions.origin, 'options.contextOrigin');
  if (options.contextCodeGeneration !== undefined) {
    validateObject(options.contextCodeGeneration, 'options.contextCodeGeneration');
    const { strings, wasm } = options.contextCodeGeneration;
    if (strings !== undefined) validateBoolean(strings, 'options.contextCodeGeneration.strings');
    if (wasm !== undefined) validateBoolean(wasm, 'options.contextCodeGeneration.wasm');
    contextOptions.codeGeneration = { strings, wasm };
  }
  if (contextOptions.name === undefined) delete contextOptions.name;
  return contextOptions;
}

function createScript(code, options) {
  return new Script(code, options);
}

function runInContext(code, contextifiedObject, options) {
  validateContext(contextifiedObject);
  if (typeof options === 'string') options = { filename: options };
  return createScript(code, options).runInContext(contextifiedObject, options);
}

function runInNewContext(code, contextObject, options) {
  if (typeof options === 'string') options = { filename: options };
  contextObject = createContext(contextObject, getContextOptions(options));
  options = { ...options, [kParsingContext]: contextObject };
  return createScript(code, options).runInNewContext(contextObject, options);
}

function runInThisContext(code, options) {
  if (typeof options === 'string') options = { filename: options };
  return createScript(code, options).runInThisContext(options);
}

function compileFunction(code, params, options = {}) {
  validateString(code, 'code');
  if (params !== undefined) {
    if (!Array.isArray(params)) throw invalidArgType('params', 'an instance of Array', params);
    params.forEach((param, i) => validateString(param, `params[${i}]`));
  }
  validateObject(options, 'options');
  const {
    filename = '', columnOffset = 0, lineOffset = 0, cachedData, produceCachedData = false,
    parsingContext, contextExtensions = [], importModuleDynamically,
  } = options;
  validateString(filename, 'options.filename');
  validateInt32(columnOffset, 'options.columnOffset');
  validateInt32(lineOffset, 'options.lineOffset');
  if (cachedData !== undefined) validateBuffer(cachedData, 'options.cachedData');
  validateBoolean(produceCachedData, 'options.produceCachedData');
  if (parsingContext !== undefined) {
    if (parsingContext === null || typeof parsingContext !== 'object' || !nativeIsContext(parsingContext)) {
      throw invalidArgType('options.parsingContext', 'an instance of Context', parsingContext);
    }
  }
  if (!Array.isArray(contextExtensions)) {
    throw invalidArgType('options.contextExtensions', 'an instance of Array', contextExtensions);
  }
  contextExtensions.forEach((extension, i) => {
    validateObject(extension, `options.contextExtensions[${i}]`, true);
  });
  if (importModuleDynamically !== undefined && typeof importModuleDynamically !== 'symbol') {
    validateFunction(importModuleDynamically, 'options.importModuleDynamically');
  }
  const [fn, rejected, data] = nativeCompileFunction(code, params ?? [], filename, parsingContext,
    contextExtensions, lineOffset, columnOffset, cachedData, produceCachedData);
  if (cachedData !== undefined) {
    Object.defineProperty(fn, 'cachedDataRejected', {
      value: rejected, writable: true, enumerable: true, configurable: true,
    });
  }
  if (produceCachedData) {
    Object.defineProperty(fn, 'cachedDataProduced', {
      value: true, writable: true, enumerable: true, configurable: true,
    });
    Object.defineProperty(fn, 'cachedData', {
      value: toCachedDataBuffer(data), writable: true, enumerable: true, configurable: true,
    });
  }
  return fn;
}

// Deviation: V8 measures memory at its next garbage collection (in Node v20
// the promise stays pending until one happens); vmjs settles the promise
// from a job with the bytes its allocator counts, in the result's shape.
function measureMemory(options = {}) {
  validateObject(options, 'options');
  const { mode = 'summary', execution = 'default' } = options;
  if (mode !== 'summary' && mode !== 'detailed') {
    throw invalidArgValue('options.mode', mode, "must be one of: 'summary', 'detailed'");
  }
  if (execution !== 'default' && execution !== 'eager') {
    throw invalidArgValue('options.execution', execution, "must be one of: 'default', 'eager'");
  }
  return Promise.resolve().then(() => {
    const bytes = heapBytes();
    const total = { jsMemoryEstimate: bytes, jsMemoryRange: [bytes, bytes] };
    return mode === 'summary' ? { total } : { total, current: total, other: [] };
  });
}

const constants = Object.freeze({
  __proto__: null,
  USE_MAIN_CONTEXT_DEFAULT_LOADER: Symbol('vm_dynamic_import_main_context_default'),
  DONT_CONTEXTIFY: Symbol('vm_context_no_contextify'),
});

export {
  Script, createContext, createScript, runInContext, runInNewContext, runInThisContext, isContext,
  compileFunction, measureMemory, constants, Module, SourceTextModule, SyntheticModule,
};
export default {
  Script, createContext, createScript, runInContext, runInNewContext, runInThisContext, isContext,
  compileFunction, measureMemory, constants, Module, SourceTextModule, SyntheticModule,
};
