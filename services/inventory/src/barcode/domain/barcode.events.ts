import { DomainEvent } from '@dw/kernel';

export type BarcodeClaimed = DomainEvent<
  'BarcodeClaimed',
  {
    readonly barcode: string;
    readonly warehouse: string;
    readonly lotId: string;
    readonly orderId: string;
    readonly actor: string;
    readonly at: string;
  }
>;

export type BarcodeEvent = BarcodeClaimed;
