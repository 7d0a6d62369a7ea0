import type { Role } from './role';

/** Who is calling: a person (from a verified JWT) or an integration client (from a verified signature). */
export interface Principal {
  /** The token's `sub`, or the integration client's id. */
  subject: string;
  roles: Role[];
  /** The depositor's party, from the `party_id` claim; absent for staff and most integrations. */
  partyId?: string;
  name?: string;
}
