// The display filters the side tables' rows offer: a session by its id, a person by account.
// Accounts are captured text: fieldFilter quotes them.

import { fieldFilter } from '../../../shared/display-filter/filter-expression';
import type { FilterChoice } from '../../app/filter-menu';

export function sessionFilters(session: number | null | undefined): FilterChoice[] {
  const expression = session === null || session === undefined ? null : fieldFilter({ name: 'msnp.session', value: session });
  return expression ? [{ label: 'Session', expression }] : [];
}

/** One choice per distinct non-empty account. */
export function accountFilters(...accounts: Array<string | null | undefined>): FilterChoice[] {
  const distinct = [...new Set(accounts.filter((a): a is string => typeof a === 'string' && a !== ''))];
  return distinct.flatMap((account) => {
    const expression = fieldFilter({ name: 'msnp.account', value: account });
    return expression ? [{ label: 'Account', expression }] : [];
  });
}
