import vue from "@vitejs/plugin-vue";
import { ElementPlusResolver } from "unplugin-vue-components/resolvers";
import Components from "unplugin-vue-components/vite";
import { defineConfig } from "vite";

/** The console is served by the gateway at /console, every asset from the build (no CDN). */
export default defineConfig(({ command }) => ({
  base: "/console/",
  plugins: [
    vue(),
    // Element Plus components and their styles imported where a template uses them.
    // Its type list is rewritten in dev only: a build (at install, at start) must not change a tracked file.
    Components({
      resolvers: [ElementPlusResolver({ importStyle: "css" })],
      dts: command === "serve" ? "src/components.d.ts" : false,
    }),
  ],
  server: { proxy: { "/graphql": "http://127.0.0.1:4000" } },
  build: { outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 800, reportCompressedSize: false },
}));
