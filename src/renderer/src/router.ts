/** Routes: one view per lab, History, one experiment, the glossary. Hash history so file:// works in Electron. */
import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import { LAB_CATALOG, labUi } from './labs/catalog'

/** One route per lab of the registry: the lab's own page, or the shared page of a lab of trained runs. */
const labRoutes: RouteRecordRaw[] = LAB_CATALOG.map((lab) => {
  const page = labUi(lab.id).page
  return page
    ? { path: lab.path, name: lab.id, component: page }
    : { path: lab.path, name: lab.id, component: () => import('./components/labs/RunLabPage.vue'), props: { labId: lab.id } }
})

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
