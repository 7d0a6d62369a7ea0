import { Command } from '@dw/kernel';
import { LotBackedReceipt, LotEntitled, LotReceiptHoldPlaced, LotReceiptHoldReleased, LotReceiptSucceeded, LotTitleTransferred } from './lot-title.events';

/** Each command notes one receipt-service fact about the lot; `actor` and `at` are the receipt service's. */
export type NoteReceiptBacking = Command<'NoteReceiptBacking', Omit<LotBackedReceipt['data'], 'previousReceipt'>>;
export type NoteReceiptSucceeded = Command<'NoteReceiptSucceeded', LotReceiptSucceeded['data']>;
export type NoteTitleTransfer = Command<'NoteTitleTransfer', Omit<LotTitleTransferred['data'], 'from'>>;
export type NoteReceiptHoldPlaced = Command<'NoteReceiptHoldPlaced', LotReceiptHoldPlaced['data']>;
export type NoteReceiptHoldReleased = Command<'NoteReceiptHoldReleased', Omit<LotReceiptHoldReleased['data'], 'kind'>>;
export type NoteEntitlement = Command<'NoteEntitlement', LotEntitled['data']>;

export type LotTitleCommand = NoteReceiptBacking | NoteReceiptSucceeded | NoteTitleTransfer | NoteReceiptHoldPlaced | NoteReceiptHoldReleased | NoteEntitlement;
