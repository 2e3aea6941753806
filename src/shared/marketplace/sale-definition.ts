// One definition of a sale, used by every count of sales (the listing's counter behind the Market
// and the seller's listing box, and the sales dashboard): a completed purchase, paid or claimed
// free, that has not been fully refunded. A full refund revokes the license and takes the sale
// back; a partial refund keeps it. The sentence below is what the UI says about it.

export const SALES_COUNT_RULE = "Sales count completed purchases; fully refunded ones are not counted.";
