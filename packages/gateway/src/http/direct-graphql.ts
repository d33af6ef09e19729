import type { IncomingMessage, ServerResponse } from "node:http";
import { type DocumentNode, type ExecutionResult, GraphQLError, getOperationAST } from "graphql";
import { type Plugin, processRegularResult, type YogaServerInstance } from "graphql-yoga";

/** How errors hidden from the client are masked: yoga's `maskedErrors` options, shared with it. */
export interface MaskedErrorOptions {
  readonly errorMessage: string;
  readonly isDev: boolean;
  maskError(error: unknown, message: string, isDev?: boolean): Error;
}

/** Options of `createDirectGraphql`. */
export interface DirectGraphqlOptions {
  // biome-ignore lint/suspicious/noExplicitAny: any yoga instance's envelop serves.
  readonly yoga: YogaServerInstance<any, any>;
  /** The yoga plugins, in yoga's order: their request, request-parse, result and response hooks run here too. */
  readonly plugins: readonly Plugin[];
  /** The GraphQL endpoint's path (`/graphql`). */
  readonly endpoint: string;
  /** Most bytes of a body this path reads; a longer one goes to yoga (which refuses it). */
  readonly maxBodyBytes: number;
  readonly maskedErrors: MaskedErrorOptions;
  /** Called for each request this path serves (a metric counts them). */
  readonly onServe?: () => void;
  /** Called with the request's server context (its GraphQL context) once it is answered, or its client has gone. */
  readonly onAnswered?: (serverContext: Record<string, unknown>) => void;
  /** Called with an error thrown outside the execution (a hook's, the context's) before it is masked: to log it with the request. */
  readonly onError?: (error: unknown, serverContext: Record<string, unknown>) => void;
}

/** Serves a Node request when it is a plain JSON GraphQL POST (returns true), else leaves it to yoga (false). */
export type DirectHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

type Hook = (payload: Record<string, unknown>) => unknown;

/** The yoga-level hooks this path runs, in plugin order. */
interface Hooks {
  readonly onRequest: Hook[];
  readonly onRequestParse: Hook[];
  readonly onResultProcess: Hook[];
  readonly onResponse: Hook[];
}

/**
 * The yoga-level hooks of the plugins, in order; null when a plugin uses one this path does not run
 * (params or execution-result hooks, instrumentation): yoga then serves every request.
 */
function collectHooks(plugins: readonly Plugin[]): Hooks | null {
  const hooks: Hooks = { onRequest: [], onRequestParse: [], onResultProcess: [], onResponse: [] };
  for (const plugin of plugins as readonly Record<string, unknown>[]) {
    if (plugin.onParams || plugin.onExecutionResult || plugin.instrumentation) return null;
    for (const name of ["onRequest", "onRequestParse", "onResultProcess", "onResponse"] as const) {
      const hook = plugin[name];
      if (typeof hook === "function") hooks[name].push(hook.bind(plugin) as Hook);
    }
  }
  return hooks;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === "function";
}

/** Most query texts whose documents are kept valid (a client set repeats a few; others go through yoga's caches). */
const MAX_KEPT_DOCUMENTS = 1000;
/** Longest query text kept. */
const MAX_KEPT_QUERY_LENGTH = 20_000;
/** Most Host headers whose URL is kept. */
const MAX_KEPT_URLS = 16;

const PARAM_KEYS = new Set(["query", "variables", "operationName", "extensions"]);

/** The body's GraphQL parameters when they are the plain kind (query, variables, operation name); else null. */
export function plainParams(
  body: unknown,
): { query: string; variables?: Record<string, unknown>; operationName?: string } | null {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return null;
  const p = body as Record<string, unknown>;
  for (const key in p) if (!PARAM_KEYS.has(key)) return null;
  const { query, variables, operationName, extensions } = p;
  if (typeof query !== "string" || extensions != null) return null;
  if (variables != null && (typeof variables !== "object" || Array.isArray(variables))) return null;
  if (operationName != null && typeof operationName !== "string") return null;
  return {
    query,
    ...(variables != null ? { variables: variables as Record<string, unknown> } : {}),
    ...(operationName != null ? { operationName } : {}),
  };
}

const APPLICATION_JSON = "application/json";
const GRAPHQL_RESPONSE = "application/graphql-response+json";

/** The media type yoga answers for the Accept headers clients commonly send (others are left to yoga). */
const ANSWERED_AS = new Map<string | undefined, string>([
  [undefined, APPLICATION_JSON],
  ["*/*", APPLICATION_JSON],
  [APPLICATION_JSON, APPLICATION_JSON],
  [GRAPHQL_RESPONSE, GRAPHQL_RESPONSE],
  [`${GRAPHQL_RESPONSE}, ${APPLICATION_JSON}`, GRAPHQL_RESPONSE],
]);

/** Whether yoga would answer this request with nothing but the GraphQL result (no CORS) in a type `ANSWERED_AS` knows. */
function eligible(req: IncomingMessage, endpoint: string, maxBodyBytes: number): boolean {
  if (req.method !== "POST" || req.url !== endpoint) return false;
  const h = req.headers;
  const type = h["content-type"]?.toLowerCase();
  if (type !== "application/json" && type !== "application/json; charset=utf-8") return false;
  if (h.origin !== undefined || h["transfer-encoding"] !== undefined) return false;
  if (!ANSWERED_AS.has(h.accept)) return false;
  const length = Number(h["content-length"]);
  return Number.isInteger(length) && length > 0 && length <= maxBodyBytes;
}

/** A request's headers as the hooks read them (fetch Headers' `get` and `has`; Node's names are lower case). */
class RequestHeaders {
  constructor(private readonly req: IncomingMessage) {}
  get(name: string): string | null {
    const v = this.req.headers[name.toLowerCase()];
    return v === undefined ? null : Array.isArray(v) ? v.join(", ") : v;
  }
  has(name: string): boolean {
    return this.req.headers[name.toLowerCase()] !== undefined;
  }
}

/** The request the hooks see: method, URL and headers. */
class DirectRequest {
  readonly method = "POST";
  readonly headers: RequestHeaders;
  constructor(
    req: IncomingMessage,
    readonly url: string,
  ) {
    this.headers = new RequestHeaders(req);
  }
}

/** A response's headers as the hooks write them (fetch Headers' methods), kept lower case for Node. */
class ResponseHeaders {
  readonly map = new Map<string, string>();
  set(name: string, value: string): void {
    this.map.set(name.toLowerCase(), value);
  }
  get(name: string): string | null {
    return this.map.get(name.toLowerCase()) ?? null;
  }
  has(name: string): boolean {
    return this.map.has(name.toLowerCase());
  }
  delete(name: string): void {
    this.map.delete(name.toLowerCase());
  }
  append(name: string, value: string): void {
    const key = name.toLowerCase();
    const prior = this.map.get(key);
    this.map.set(key, prior === undefined ? value : `${prior}, ${value}`);
  }
}

/** The response the hooks see: status and headers (set before it is written). */
class DirectResponse {
  readonly headers = new ResponseHeaders();
  constructor(readonly status: number) {}
}

type Params = NonNullable<ReturnType<typeof plainParams>>;

/** An answer about to be written: the response the hooks see and its body. */
interface Answer {
  readonly response: DirectResponse;
  readonly text: string;
}

/** One request on this path: what its hooks share, and an answer a request hook ended it with. */
interface Exchange {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly request: DirectRequest;
  readonly url: URL;
  readonly serverContext: Record<string, unknown>;
  early: Response | undefined;
}

async function fromFetch(fetched: Response): Promise<Answer> {
  const response = new DirectResponse(fetched.status);
  fetched.headers.forEach((value, name) => {
    response.headers.set(name, value);
  });
  return { response, text: await fetched.text() };
}

const ignore = () => undefined;

/** The `endResponse` of a hook payload: the request ends with the hook's own response. */
function endResponseOf(x: Exchange): (r: Response) => void {
  return (r) => {
    x.early = r;
  };
}

/** Runs hooks in order, waiting for each that returns a promise; returns what each returned. */
async function runHooks(hooks: readonly Hook[], payload: Record<string, unknown>): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const hook of hooks) {
    const r = hook(payload);
    out.push(isThenable(r) ? await r : r);
  }
  return out;
}

class DirectGraphql {
  private readonly fetchAPI;
  // A query text and operation name that parsed, named an operation of the text and passed validation
  // (the depth, token and alias limits among its rules) against this schema pass again: yoga caches
  // parsing and validation by text too, but only behind hooks that run on every request.
  private readonly validDocuments = new Map<string, DocumentNode>();
  // The URL the hooks get, per Host header: they read it, never change it.
  private readonly urls = new Map<string, URL>();

  constructor(
    private readonly options: DirectGraphqlOptions,
    private readonly hooks: Hooks,
  ) {
    this.fetchAPI = options.yoga.fetchAPI;
  }

  /** Takes the request when it is eligible: reads its body, then serves it or hands it to yoga. */
  take(req: IncomingMessage, res: ServerResponse): boolean {
    if (!eligible(req, this.options.endpoint, this.options.maxBodyBytes)) return false;
    req.socket.setNoDelay(true);
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
    });
    req.on("end", () => this.start(req, res, chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size)));
    req.on("error", () => res.destroy());
    return true;
  }

  private start(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
    let params: ReturnType<typeof plainParams>;
    try {
      params = plainParams(JSON.parse(body.toString("utf8")));
    } catch {
      params = null;
    }
    if (!params) {
      // @whatwg-node/server reads a body already taken from the stream from `req.body`.
      (req as IncomingMessage & { body?: Buffer }).body = body;
      void this.options.yoga(req, res);
      return;
    }
    this.options.onServe?.();
    this.serve(this.exchange(req, res), params).catch((e: unknown) => {
      // Nothing was answered: the connection is closed rather than left waiting.
      res.destroy(e instanceof Error ? e : new Error(String(e)));
    });
  }

  private exchange(req: IncomingMessage, res: ServerResponse): Exchange {
    const request = new DirectRequest(
      req,
      `http://${req.headers.host ?? "localhost"}${this.options.endpoint}`,
    );
    let url = this.urls.get(request.url);
    if (!url) {
      url = new URL(request.url);
      if (this.urls.size < MAX_KEPT_URLS) this.urls.set(request.url, url);
    }
    return { req, res, request, url, serverContext: { req, res, request }, early: undefined };
  }

  private async serve(x: Exchange, params: Params): Promise<void> {
    const answer = (await this.requestHooksEnd(x))
      ? await fromFetch(x.early!)
      : await this.answerOf(x, params);
    await runHooks(this.hooks.onResponse, {
      request: x.request,
      response: answer.response,
      serverContext: x.serverContext,
      fetchAPI: this.fetchAPI,
    });
    if (!x.res.destroyed && !x.res.writableEnded) {
      const headers: Record<string, string> = Object.fromEntries(answer.response.headers.map);
      // Encoded once: its length is the header, its bytes the body.
      const bytes = Buffer.from(answer.text, "utf8");
      headers["content-length"] = String(bytes.length);
      x.res.writeHead(answer.response.status, headers);
      x.res.end(bytes);
    }
    this.options.onAnswered?.(x.serverContext);
  }

  /** Runs the request hooks; true when one ended the request with a response of its own. */
  private async requestHooksEnd(x: Exchange): Promise<boolean> {
    const payload = this.hookPayload(x);
    for (const hook of this.hooks.onRequest) {
      const r = hook(payload);
      if (isThenable(r)) await r;
      if (x.early) return true;
    }
    return false;
  }

  /** What the request hooks are given; `endResponse` ends the request with their own response. */
  private hookPayload(x: Exchange) {
    return {
      request: x.request,
      url: x.url,
      serverContext: x.serverContext,
      fetchAPI: this.fetchAPI,
      endResponse: endResponseOf(x),
    };
  }

  /** The request-parse hooks, the execution and the result hooks, rendered (or a parse hook's own response). */
  private async answerOf(x: Exchange, params: Params): Promise<Answer> {
    let result: ExecutionResult;
    try {
      await this.requestParseHooks(x, params);
      if (x.early) return fromFetch(x.early);
      result = await this.execute(params, x.serverContext);
    } catch (e) {
      this.options.onError?.(e, x.serverContext);
      result = this.errorResult(e);
    }
    await runHooks(this.hooks.onResultProcess, {
      request: x.request,
      result,
      setResult(r: ExecutionResult) {
        result = r;
      },
      serverContext: x.serverContext,
      acceptableMediaTypes: [],
      setResultProcessor: ignore,
    });
    return this.render(result, ANSWERED_AS.get(x.req.headers.accept)!);
  }

  private async requestParseHooks(x: Exchange, params: Params): Promise<void> {
    // One literal, not the request hooks' payload spread and extended: V8 promoted every request's
    // objects reachable from such a copy (measured with --trace-gc-nvp under load).
    const done = await runHooks(this.hooks.onRequestParse, {
      request: x.request,
      url: x.url,
      serverContext: x.serverContext,
      fetchAPI: this.fetchAPI,
      endResponse: endResponseOf(x),
      requestParser: undefined,
      setRequestParser: ignore,
    });
    for (const d of done) {
      const after = (d as { onRequestParseDone?: Hook } | undefined)?.onRequestParseDone;
      if (!after) continue;
      const r = after({ requestParserResult: params, setRequestParserResult: ignore });
      if (isThenable(r)) await r;
    }
  }

  /** What yoga answers for an error thrown before or during execution (its `handleError`, masked). */
  private errorResult(error: unknown): ExecutionResult {
    const { maskError, errorMessage, isDev } = this.options.maskedErrors;
    const masked = maskError(error, errorMessage, isDev);
    return {
      errors: [
        masked instanceof GraphQLError ? masked : new GraphQLError(masked.message, { originalError: masked }),
      ],
    };
  }

  private async execute(params: Params, context: Record<string, unknown>): Promise<ExecutionResult> {
    Object.assign(context, { params });
    const enveloped = this.options.yoga.getEnveloped(context);
    const key = `${params.operationName ?? ""}\n${params.query}`;
    const checked = this.validDocuments.get(key) ?? this.parseAndValidate(enveloped, params.query, key);
    if (!("kind" in checked)) return checked;
    const contextValue = await enveloped.contextFactory();
    const operation = getOperationAST(checked, params.operationName);
    const run = operation?.operation === "subscription" ? enveloped.subscribe : enveloped.execute;
    return (await run({
      schema: enveloped.schema,
      document: checked,
      contextValue,
      variableValues: params.variables,
      operationName: params.operationName,
    })) as ExecutionResult;
  }

  private parseAndValidate(
    enveloped: ReturnType<DirectGraphqlOptions["yoga"]["getEnveloped"]>,
    query: string,
    key: string,
  ): DocumentNode | ExecutionResult {
    const document = enveloped.parse(query);
    const errors = enveloped.validate(enveloped.schema, document);
    if (errors.length > 0) return { errors };
    if (this.validDocuments.size < MAX_KEPT_DOCUMENTS && key.length <= MAX_KEPT_QUERY_LENGTH) {
      this.validDocuments.set(key, document);
    }
    return document;
  }

  private async render(result: ExecutionResult, mediaType: string): Promise<Answer> {
    if (!result.errors && !result.extensions) {
      const stringify = (result as { stringify?: (r: unknown) => string }).stringify ?? JSON.stringify;
      const response = new DirectResponse(200);
      response.headers.set("content-type", `${mediaType}; charset=utf-8`);
      return { response, text: stringify(result) };
    }
    return fromFetch(processRegularResult(result, this.fetchAPI, mediaType));
  }
}

/**
 * The GraphQL endpoint without the fetch-API layer, for the requests most clients send: a POST of a
 * JSON body (framed by Content-Length, within the body limit) with a query, its variables and
 * operation name, asking for `application/json` (or anything), from a server rather than a browser
 * (no Origin). It runs the same hooks in the same order as yoga — the plugins' request, request-parse,
 * result and response hooks, then yoga's envelop (parse and validation caches, context, the compiled
 * execution and every execution plugin, masked errors) — and renders a result with errors with yoga's
 * own renderer, so an answer is byte for byte yoga's. Everything else (GET, multipart uploads,
 * batches, extensions, GraphiQL, other paths, bodies it cannot parse) is left to yoga, the body
 * already read handed over with the request.
 */
export function createDirectGraphql(options: DirectGraphqlOptions): DirectHandler | null {
  const hooks = collectHooks(options.plugins);
  if (!hooks) return null;
  const direct = new DirectGraphql(options, hooks);
  return (req, res) => direct.take(req, res);
}
