/** Routes: one view per lab, History, one experiment, the glossary. Hash history so file:// works in Electron. */
import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import { LAB_CATALOG } from './labs/catalog'

const labViews: Partial<Record<string, () => Promise<unknown>>> = {
  'paths-2d': () => import('./views/LabPaths2d.vue'),
  'init-histograms': () => import('./views/LabInitHistograms.vue'),
  'optimizers-mnist': () => import('./views/LabOptimizersMnist.vue'),
  'init-mnist': () => import('./views/LabInitMnist.vue'),
  batchnorm: () => import('./views/LabBatchnorm.vue'),
  overfit: () => import('./views/LabOverfit.vue'),
  'random-search': () => import('./views/LabRandomSearch.vue'),
  builder: () => import('./views/LabBuilder.vue'),
}

const labRoutes: RouteRecordRaw[] = LAB_CATALOG.map((lab) => {
  const view = labViews[lab.id]
  return view
    ? { path: lab.path, name: lab.id, component: view }
    : { path: lab.path, name: lab.id, component: () => import('./views/LabComingSoon.vue'), props: { labId: lab.id } }
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
