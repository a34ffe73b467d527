/**
 * Lab forms across pages: labs 2 to 8 share one page component, so going from one lab to another
 * in the sidebar must show the other lab's own form and results, not keep the first one's.
 */
import { expect, test } from '@playwright/test'
import { RandomSearchPage } from './pages/RandomSearchPage'

test("the sidebar from one lab to another shows the other lab's own form", async ({ page }) => {
  const search = new RandomSearchPage(page)
  await search.goto()
  await expect(page.getByTestId('search-form')).toBeVisible()
  await search.navLink(/Optimizers on MNIST/).click()
  await expect(search.heading('Optimizers on MNIST')).toBeVisible()
  await expect(page.getByRole('group', { name: 'Optimizers to race' })).toBeVisible()
  await expect(page.getByTestId('search-form')).toHaveCount(0)
  await search.navLink(/Overfitting/).click()
  await expect(page.getByRole('radiogroup', { name: 'Cure' })).toBeVisible()
  await expect(page.getByRole('group', { name: 'Optimizers to race' })).toHaveCount(0)
  await search.navLink(/Your own network/).click()
  await expect(page.getByRole('region', { name: 'Saved networks' })).toBeVisible()
  await expect(page.getByRole('radiogroup', { name: 'Cure' })).toHaveCount(0)
})
