/**
 * Contract field paths of cost.estimate → the GraphQL argument that carries them, so a
 * BAD_USER_INPUT names what the caller typed.
 */
export function estimateInputPath(path: string): string {
  return path
    .replace(/^workload\.work\./, 'input.workload.')
    .replace(/^workload\./, 'input.workload.')
    .replace(/^candidates\.\d+\.devices$/, 'input.workload.devices')
    .replace(/^candidates\.\d+\.leadTimeDays$/, 'input.leadTimeDays')
    .replace(/^reportCurrency$/, 'input.currency')
    .replace(/^(pricingDate|versions\..+)$/, 'input.$1');
}

/** Ledger filter and entry paths → GraphQL arguments. */
export function ledgerInputPath(argument: string): (path: string) => string {
  return (path) =>
    path
      .replace(/^filter\./, `${argument}.`)
      .replace(/^entries\.(\d+)\./, `${argument}.$1.`)
      .replace(/^entry\./, `${argument}.`);
}
