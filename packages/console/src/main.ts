import { createApp } from "vue";
import App from "./App.vue";
import { whenSignedOut } from "./api/client";
import { session } from "./api/viewer";
import { router } from "./router";
import "./style.css";

whenSignedOut(() => {
  session.viewer = null;
  void router.push({ path: "/signin", query: { expired: "1" } });
});

createApp(App).use(router).mount("#app");
