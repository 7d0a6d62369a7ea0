import { Command } from '@dw/kernel';

/** Claims a barcode for a piece received into a lot; `actor`/`at` come from the handler. */
export type ClaimBarcode = Command<
  'ClaimBarcode',
  {
    readonly barcode: string;
    readonly warehouse: string;
    readonly lotId: string;
    readonly orderId: string;
    readonly actor: string;
    readonly at: string;
  }
>;

export type BarcodeCommand = ClaimBarcode;
