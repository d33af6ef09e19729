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
  /** The yoga plugins, in yoga's order: their request, response and result hooks run here too. */
  readonly plugins: readonly Plugin[];
  /** The GraphQL endpoint's path (`/graphql`). */
  readonly endpoint: string;
  /** Most bytes of a body this path reads; a longer one goes to yoga (which refuses it). */
  readonly maxBodyBytes: number;
  readonly maskedErrors: MaskedErrorOptions;
  /** Called for each request this path serves (a metric counts them). */
  readonly onServe?: () => void;
  /** Called with an error thrown outside the execution (a hook's, the context's) before it is masked: to log it with the request. */
  readonly onError?: (error: unknown, serverContext: Record<string, unknown>) => void;
}

/** Serves a Node request when it is a plain JSON GraphQL POST (returns true), else leaves it to yoga (false). */
export type DirectHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

type Hook = (payload: Record<string, unknown>) => unknown;
type Wrap = (payload: Record<string, unknown>, wrapped: () => void) => unknown;

/** The yoga-level hooks of the plugins, in order; null when a plugin uses a hook this path does not run. */
function collectHooks(plugins: readonly Plugin[]) {
  const hooks = {
    request: [] as Wrap[],
    onRequest: [] as Hook[],
    onRequestParse: [] as Hook[],
    onResultProcess: [] as Hook[],
    onResponse: [] as Hook[],
  };
  for (const plugin of plugins as readonly Record<string, unknown>[]) {
    if (plugin.onParams || plugin.onExecutionResult) return null;
    const instrumentation = plugin.instrumentation as Record<string, unknown> | undefined;
    if (instrumentation) {
      if (Object.keys(instrumentation).some((k) => k !== "request")) return null;
      if (instrumentation.request) hooks.request.push(instrumentation.request as Wrap);
    }
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
  const { yoga, endpoint, maxBodyBytes, maskedErrors } = options;
  const wrapsInnermostFirst = [...hooks.request].reverse();
  // A query text and operation name that parsed, named an operation of the text and passed validation
  // (the depth, token and alias limits among its rules) against this schema pass again: yoga caches
  // parsing and validation by text too, but only behind hooks that run on every request.
  const validDocuments = new Map<string, DocumentNode>();
  // The URL the hooks get, per Host header: they read it, never change it.
  const urls = new Map<string, URL>();
  const fetchAPI = yoga.fetchAPI;

  function toYoga(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
    // @whatwg-node/server reads a body already taken from the stream from `req.body`.
    (req as IncomingMessage & { body?: Buffer }).body = body;
    void yoga(req, res);
  }

  /** What yoga answers for an error thrown before or during execution (its `handleError`, masked). */
  function errorResult(error: unknown): ExecutionResult {
    const masked = maskedErrors.maskError(error, maskedErrors.errorMessage, maskedErrors.isDev);
    return {
      errors: [
        masked instanceof GraphQLError ? masked : new GraphQLError(masked.message, { originalError: masked }),
      ],
    };
  }

  function parseAndValidate(
    enveloped: ReturnType<typeof yoga.getEnveloped>,
    query: string,
    key: string,
  ): DocumentNode | ExecutionResult {
    const document = enveloped.parse(query);
    const errors = enveloped.validate(enveloped.schema, document);
    if (errors.length > 0) return { errors };
    if (validDocuments.size < MAX_KEPT_DOCUMENTS && key.length <= MAX_KEPT_QUERY_LENGTH) {
      validDocuments.set(key, document);
    }
    return document;
  }

  async function execute(
    params: NonNullable<ReturnType<typeof plainParams>>,
    context: Record<string, unknown>,
  ): Promise<ExecutionResult> {
    Object.assign(context, { params });
    const enveloped = yoga.getEnveloped(context);
    const key = `${params.operationName ?? ""}\n${params.query}`;
    const checked = validDocuments.get(key) ?? parseAndValidate(enveloped, params.query, key);
    if (!("kind" in checked)) return checked;
    const document = checked;
    const contextValue = await enveloped.contextFactory();
    const operation = getOperationAST(document, params.operationName);
    const run = operation?.operation === "subscription" ? enveloped.subscribe : enveloped.execute;
    return (await run({
      schema: enveloped.schema,
      document,
      contextValue,
      variableValues: params.variables,
      operationName: params.operationName,
    })) as ExecutionResult;
  }

  async function render(
    result: ExecutionResult,
    mediaType: string,
  ): Promise<{ response: DirectResponse; text: string }> {
    if (!result.errors && !result.extensions) {
      const stringify = (result as { stringify?: (r: unknown) => string }).stringify ?? JSON.stringify;
      const response = new DirectResponse(200);
      response.headers.set("content-type", `${mediaType}; charset=utf-8`);
      return { response, text: stringify(result) };
    }
    return fromFetch(processRegularResult(result, fetchAPI, mediaType));
  }

  async function fromFetch(fetched: Response): Promise<{ response: DirectResponse; text: string }> {
    const response = new DirectResponse(fetched.status);
    fetched.headers.forEach((value, name) => {
      response.headers.set(name, value);
    });
    return { response, text: await fetched.text() };
  }

  async function run(hookList: readonly Hook[], payload: Record<string, unknown>): Promise<unknown[]> {
    const out: unknown[] = [];
    for (const hook of hookList) {
      const r = hook(payload);
      out.push(isThenable(r) ? await r : r);
    }
    return out;
  }

  async function serve(
    req: IncomingMessage,
    res: ServerResponse,
    request: DirectRequest,
    params: NonNullable<ReturnType<typeof plainParams>>,
  ): Promise<void> {
    let url = urls.get(request.url);
    if (!url) {
      url = new URL(request.url);
      if (urls.size < MAX_KEPT_URLS) urls.set(request.url, url);
    }
    const serverContext: Record<string, unknown> = { req, res, request };
    let early: Response | undefined;
    const endResponse = (r: Response) => {
      early = r;
    };
    for (const hook of hooks!.onRequest) {
      const r = hook({ request, url, serverContext, endResponse, fetchAPI });
      if (isThenable(r)) await r;
      if (early) break;
    }
    let answer: { response: DirectResponse; text: string };
    if (early) {
      answer = await fromFetch(early);
    } else {
      let result: ExecutionResult;
      try {
        const done = await run(hooks!.onRequestParse, {
          request,
          url,
          serverContext,
          requestParser: undefined,
          setRequestParser: () => undefined,
          endResponse,
          fetchAPI,
        });
        for (const d of done) {
          const after = (d as { onRequestParseDone?: Hook } | undefined)?.onRequestParseDone;
          if (after) {
            const r = after({ requestParserResult: params, setRequestParserResult: () => undefined });
            if (isThenable(r)) await r;
          }
        }
        result = early ? { errors: [] } : await execute(params, serverContext);
      } catch (e) {
        options.onError?.(e, serverContext);
        result = errorResult(e);
      }
      if (early) {
        answer = await fromFetch(early);
      } else {
        await run(hooks!.onResultProcess, {
          request,
          result,
          setResult: (r: ExecutionResult) => {
            result = r;
          },
          serverContext,
          acceptableMediaTypes: [],
          setResultProcessor: () => undefined,
        });
        answer = await render(result, ANSWERED_AS.get(req.headers.accept)!);
      }
    }
    const { response, text } = answer;
    await run(hooks!.onResponse, {
      request,
      response,
      serverContext,
      fetchAPI,
    });
    if (res.destroyed || res.writableEnded) return;
    const headers: Record<string, string> = Object.fromEntries(response.headers.map);
    // Encoded once: its length is the header, its bytes the body.
    const bytes = Buffer.from(text, "utf8");
    headers["content-length"] = String(bytes.length);
    res.writeHead(response.status, headers);
    res.end(bytes);
  }

  function start(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
    let params: ReturnType<typeof plainParams>;
    try {
      params = plainParams(JSON.parse(body.toString("utf8")));
    } catch {
      params = null;
    }
    if (!params) {
      toYoga(req, res, body);
      return;
    }
    options.onServe?.();
    const request = new DirectRequest(req, `http://${req.headers.host ?? "localhost"}${endpoint}`);
    let handling: Promise<void> | undefined;
    let go = () => {
      handling = serve(req, res, request, params);
    };
    for (const wrap of wrapsInnermostFirst) {
      const inner = go;
      go = () => void wrap({ request }, inner);
    }
    go();
    handling?.catch((e: unknown) => {
      // Nothing was answered: the connection is closed rather than left waiting.
      res.destroy(e instanceof Error ? e : new Error(String(e)));
    });
  }

  return (req, res) => {
    if (!eligible(req, endpoint, maxBodyBytes)) return false;
    req.socket.setNoDelay(true);
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
    });
    req.on("end", () => start(req, res, chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size)));
    req.on("error", () => res.destroy());
    return true;
  };
}
