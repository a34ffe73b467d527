/** Routes: one view per lab, History, one experiment, the glossary. Hash history so file:// works in Electron. */
import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import { LAB_CATALOG, labUi } from './labs/catalog'

/** One route per lab of the registry, its page from the lab's own ui/ folder. */
const labRoutes: RouteRecordRaw[] = LAB_CATALOG.map((lab) => ({ path: lab.path, name: lab.id, component: labUi(lab.id).page }))

export function createAppRouter() {
  return createRouter({
    history: createWebHashHistory(),
    routes: [
      { path: '/', name: 'home', component: () => import('./views/HomeView.vue') },
      ...labRoutes,
      { path: '/history', name: 'history', component: () => import('./views/HistoryView.vue') },
      { path: '/compare', name: 'compare', component: () => import('./views/CompareView.vue') },
      { path: '/experiment/:id(\\d+)', name: 'experiment', component: () => import('./views/ExperimentView.vue'), props: (r) => ({ id: Number(r.params.id) }) },
      { path: '/glossary', name: 'glossary', component: () => import('./views/GlossaryView.vue') },
      { path: '/:rest(.*)*', redirect: '/' },
    ],
    scrollBehavior: () => ({ top: 0 }),
  })
}
