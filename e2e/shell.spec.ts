/** The app shell: language switch remembered across reloads, every lab reachable, glossary. */
import { expect, test } from '@playwright/test'
import { LAB_IDS, labNumber, labPath, labTexts } from './labs'
import { AppShell } from './pages/AppShell'

test('switches to Korean and remembers it after a reload', async ({ page }) => {
  const shell = new AppShell(page)
  await shell.open('/')
  await expect(shell.heading('Learning techniques, one experiment at a time')).toBeVisible()
  await shell.screenshot('home')
  await shell.languageButton('한국어').click()
  await expect(shell.heading('학습 관련 기술들, 실험 하나씩')).toBeVisible()
  await expect(shell.languageButton('한국어')).toHaveAttribute('aria-pressed', 'true')
  await page.reload()
  await expect(shell.heading('학습 관련 기술들, 실험 하나씩')).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko')
  await shell.navLink(/배치 정규화/).click()
  await expect(shell.heading('배치 정규화')).toBeVisible()
  await shell.navLink('용어 정리').click()
  await expect(shell.heading('용어 정리')).toBeVisible()
  await expect(page.getByRole('heading', { name: '어떤 갱신 방법을 사용할 것인가?' })).toBeVisible()
  await shell.screenshot('glossary-ko')
  await shell.navLink(/MNIST 갱신 방법 비교/).click()
  await shell.screenshot('lab2-ko')
  await shell.languageButton('English').click()
  await expect(shell.heading('Optimizers on MNIST')).toBeVisible()
})

test('every lab in the sidebar opens its own page', async ({ page }) => {
  const shell = new AppShell(page)
  await shell.open('/')
  expect(LAB_IDS).toHaveLength(8)
  for (const id of LAB_IDS) {
    const { short, title } = labTexts(id)
    await shell.navLink(new RegExp(`^\\d?\\s*${short.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)).click()
    await expect(page).toHaveURL(new RegExp(`#${labPath(id)}$`))
    await expect(shell.heading(title)).toBeVisible()
    await expect(page.getByText(`Lab ${labNumber(id)} ·`, { exact: false }).first()).toBeVisible()
  }
})
