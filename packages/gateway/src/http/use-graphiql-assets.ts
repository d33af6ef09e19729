import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import {
  css,
  editorWorkerService,
  favicon,
  graphqlWorker,
  js,
  jsonWorker,
} from "@graphql-yoga/render-graphiql/graphiql";
import type { Plugin } from "graphql-yoga";

/** Where GraphiQL's assets are served, under a hash of their content (cached for a year). */
export const GRAPHIQL_ASSETS_PATH = "/graphiql-assets";

interface Asset {
  readonly type: string;
  readonly body: Buffer;
  gzip?: Buffer;
}

const version = createHash("sha256").update(js).update(css).digest("hex").slice(0, 12);
const base = `${GRAPHIQL_ASSETS_PATH}/${version}`;
const url = {
  css: `${base}/graphiql.css`,
  js: `${base}/graphiql.js`,
  favicon: `${base}/favicon`,
  editorWorkerService: `${base}/editor.worker.js`,
  json: `${base}/json.worker.js`,
  graphql: `${base}/graphql.worker.js`,
};

function dataUrlAsset(dataUrl: string): Asset {
  const match = /^data:([^;,]+)(;base64)?,(.*)$/s.exec(dataUrl);
  if (!match) return { type: "image/svg+xml", body: Buffer.from(dataUrl) };
  const [, type, base64, data] = match;
  return {
    type: type!,
    body: base64 ? Buffer.from(data!, "base64") : Buffer.from(decodeURIComponent(data!)),
  };
}

// The page script GraphiQL inlines, as a file: the workers by URL, the options from the page's JSON.
const boot = `self.MonacoEnvironment = { globalAPI: false, getWorkerUrl: function (_id, label) { return ${JSON.stringify({ editorWorkerService: url.editorWorkerService, json: url.json, graphql: url.graphql })}[label]; } };
${js};
YogaGraphiQL.renderYogaGraphiQL(document.querySelector("#root"), JSON.parse(document.getElementById("graphiql-options").textContent));
`;

const javascript = "text/javascript; charset=utf-8";
const assets = new Map<string, Asset>([
  [url.css, { type: "text/css; charset=utf-8", body: Buffer.from(css) }],
  [url.js, { type: javascript, body: Buffer.from(boot) }],
  [url.favicon, dataUrlAsset(favicon)],
  [url.editorWorkerService, { type: javascript, body: Buffer.from(editorWorkerService) }],
  [url.json, { type: javascript, body: Buffer.from(jsonWorker) }],
  [url.graphql, { type: javascript, body: Buffer.from(graphqlWorker) }],
]);

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
}

/** GraphiQL's page without its 9 MB of inline script: stylesheet, script and workers are separate cached files. */
export function renderGraphiqlPage(options?: { title?: string } & Record<string, unknown>): string {
  // `<` escaped so that no option value can close the JSON's script element.
  const json = JSON.stringify(options ?? {}).replace(/</g, "\\u003c");
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${escapeHtml(options?.title ?? "GraphiQL")}</title>
    <link rel="icon" href="${url.favicon}" />
    <link rel="stylesheet" href="${url.css}" />
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>GraphiQL needs JavaScript: enable it in the browser to use this page.</noscript>
    <div id="root"></div>
    <script type="application/json" id="graphiql-options">${json}</script>
    <script src="${url.js}"></script>
  </body>
</html>
`;
}

/** Serves GraphiQL's stylesheet, script and workers under a content hash, gzipped when asked, cached for a year. */
export function useGraphiqlAssets(): Plugin {
  return {
    onRequest({ request, url: requestUrl, endResponse }) {
      if (!requestUrl.pathname.startsWith(`${GRAPHIQL_ASSETS_PATH}/`)) return;
      const asset = assets.get(requestUrl.pathname);
      if (!asset) {
        endResponse(new Response("not found", { status: 404, headers: { "content-type": "text/plain" } }));
        return;
      }
      const gzip =
        /\bgzip\b/.test(request.headers.get("accept-encoding") ?? "") && asset.type !== "image/png";
      if (gzip) asset.gzip ??= gzipSync(asset.body);
      endResponse(
        new Response(new Uint8Array(gzip ? asset.gzip! : asset.body), {
          headers: {
            "content-type": asset.type,
            "cache-control": "public, max-age=31536000, immutable",
            vary: "accept-encoding",
            ...(gzip ? { "content-encoding": "gzip" } : {}),
          },
        }),
      );
    },
  };
}
