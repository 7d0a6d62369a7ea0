import { type Command, type Decider, type DomainEvent, refuse, requireText, unhandledCommand } from '@dw/kernel';
import { requireRole, type Actor } from '../../common/domain/actor';
import { assertUnifiedSocialCreditCode } from './unified-social-credit-code';

/** What a VAT invoice (增值税发票) names of the buyer: kept per party, edited by the depositor (or a manager for it). */
export interface InvoicingDetails {
  readonly companyName: string;
  /** The unified social credit code, GB 32100-2015. */
  readonly taxpayerId: string;
  readonly address: string;
  readonly phone: string;
  readonly bankName: string;
  readonly bankAccount: string;
}

export type InvoicingDetailsSet = DomainEvent<
  'InvoicingDetailsSet',
  InvoicingDetails & { readonly partyId: string; readonly actor: Actor; readonly at: string }
>;
export type SetInvoicingDetails = Command<'SetInvoicingDetails', InvoicingDetails & { readonly partyId: string; readonly actor: Actor; readonly at: string }>;

export interface InvoicingDetailsState {
  readonly details: InvoicingDetails | null;
}

export const invoicingDetailsDecider: Decider<SetInvoicingDetails, InvoicingDetailsState, InvoicingDetailsSet> = {
  initialState: () => ({ details: null }),
  evolve: (_state, event) => {
    const { companyName, taxpayerId, address, phone, bankName, bankAccount } = event.data;
    return { details: { companyName, taxpayerId, address, phone, bankName, bankAccount } };
  },
  decide(command) {
    switch (command.type) {
      case 'SetInvoicingDetails':
        return setInvoicingDetails(command);
      default:
        return unhandledCommand(command.type satisfies never);
    }
  },
};

function setInvoicingDetails(command: SetInvoicingDetails): InvoicingDetailsSet[] {
  // rule BILL-TAXPAYER-ID-USCC
  const { partyId, actor, at } = command.data;
  requireRole(actor, ['depositor', 'manager'], 'keep invoicing details');
  if (actor.role === 'depositor' && actor.partyId !== partyId) {
    throw refuse.notFound('INVOICING_DETAILS_NOT_FOUND', `no invoicing details for party ${partyId}`, { partyId });
  }
  return [
    {
      type: 'InvoicingDetailsSet',
      data: {
        partyId,
        companyName: requireText(command.data.companyName, 'companyName'),
        taxpayerId: assertUnifiedSocialCreditCode(command.data.taxpayerId),
        address: requireText(command.data.address, 'address'),
        phone: requireText(command.data.phone, 'phone'),
        bankName: requireText(command.data.bankName, 'bankName'),
        bankAccount: requireText(command.data.bankAccount, 'bankAccount'),
        actor,
        at,
      },
    },
  ];
}
