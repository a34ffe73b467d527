/**
 * What the backend says about itself, asked once: version, mode, and the data sets it found
 * (the built-in MNIST; Fashion-MNIST when installed, otherwise why not and how to install it).
 */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { useApi } from '../api/client'
import type { ChannelResponse } from '../lib/contract'

type AppInfo = ChannelResponse<'appInfo'>
export type DatasetInfo = AppInfo['datasets'][number]

export const useAppInfoStore = defineStore('appInfo', () => {
  const info = ref<AppInfo | null>(null)
  const error = ref<string | null>(null)
  let pending: Promise<void> | null = null

  function load(): Promise<void> {
    pending ??= useApi()
      .appInfo({})
      .then((i) => {
        info.value = i
        error.value = null
      })
      .catch((err: unknown) => {
        error.value = (err as Error).message
        pending = null
      })
    return pending
  }

  const datasets = computed<DatasetInfo[]>(() => info.value?.datasets ?? [])
  const dataset = (id: string): DatasetInfo | undefined => datasets.value.find((d) => d.id === id)

  return { info, error, datasets, dataset, load }
})
