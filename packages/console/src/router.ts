import { createRouter, createWebHistory } from "vue-router";
import { restoreSession } from "./api/viewer";

/** The console's pages under /console/; every page but sign-in needs a session. */
export const router = createRouter({
  history: createWebHistory("/console/"),
  routes: [
    { path: "/", redirect: "/overview" },
    { path: "/signin", component: () => import("./pages/SignInPage.vue"), meta: { title: "登录" } },
    { path: "/overview", component: () => import("./pages/OverviewPage.vue"), meta: { title: "总览" } },
    { path: "/findings", component: () => import("./pages/FindingsPage.vue"), meta: { title: "问题清单" } },
    {
      path: "/rectifications",
      component: () => import("./pages/RectificationsPage.vue"),
      meta: { title: "整改" },
    },
    { path: "/ledger", component: () => import("./pages/LedgerPage.vue"), meta: { title: "台账" } },
    {
      path: "/ledger/:number",
      component: () => import("./pages/HouseholdPage.vue"),
      meta: { title: "户详情" },
    },
    { path: "/import", component: () => import("./pages/ImportPage.vue"), meta: { title: "导入" } },
    { path: "/sync", component: () => import("./pages/SyncPage.vue"), meta: { title: "同步" } },
    { path: "/reports", component: () => import("./pages/ReportsPage.vue"), meta: { title: "报表" } },
    { path: "/:rest(.*)", redirect: "/overview" },
  ],
});

router.beforeEach(async (to) => {
  if (to.path === "/signin") return true;
  const viewer = await restoreSession();
  return viewer ? true : { path: "/signin", query: { next: to.fullPath } };
});

router.afterEach((to) => {
  document.title = `${String(to.meta.title ?? "")} · 产业扶贫台账工作台`;
});
