package cpapi

import "context"

// Billing: getTransactionData, the money side of sessions and reservations.

var opGetTransactionData = pagedOperation[TransactionSearchRequest, getTransactionDataResponse, Transaction]{
	operation: operation{name: "getTransactionData"},
	setPage:   func(q *TransactionSearchRequest, start, size Int) { q.StartRecord, q.NumTransactions = start, size },
	page:      func(r *getTransactionDataResponse) ([]Transaction, bool) { return r.Transactions, r.MoreFlag.Value },
	key:       func(t Transaction) string { return t.TransactionID.String() },
}

// TransactionSearchRequest is getTransactionData's searchQuery (getTransDataSearchRequest). Every
// filter is optional.
type TransactionSearchRequest struct {
	StationID                 String `xml:"stationID" validate:"stationid" desc:"Only transactions at this station, \"CPNID:StationIdentifier\"."`
	StationName               String `xml:"stationName" desc:"Only transactions at the station of this name."`
	StationMacAddr            String `xml:"stationMacAddr" desc:"Only transactions at the station with this MAC address."`
	OrgID                     String `xml:"orgID" desc:"Only transactions of this organization, \"CPNID:CompanyID\"."`
	OrganizationName          String `xml:"organizationName" desc:"Only transactions of the organization of this name."`
	PricingRuleName           String `xml:"pricingRuleName" desc:"Only transactions priced by this pricing rule."`
	TransactionType           String `xml:"transactionType" validate:"oneof=Session Reservation 'Reservation Cancel' 'Reservation Usage Addendum'" desc:"Only transactions of this type: Session, Reservation, Reservation Cancel or Reservation Usage Addendum."`
	TransactionID             Int    `xml:"transactionID" desc:"Only the transaction with this ID."`
	FromTransactionTimeStamp  Time   `xml:"fromTransactionTimeStamp" desc:"Only transactions at or after this time, RFC 3339 (for example \"2026-01-01T00:00:00Z\")."`
	ToTransactionTimeStamp    Time   `xml:"toTransactionTimeStamp" desc:"Only transactions at or before this time, RFC 3339; not before from_transaction_time_stamp."`
	CompanyID                 String `xml:"companyID" desc:"Only transactions of this company ID."`
	StartRecord               Int    `xml:"startRecord" tf:"-"`
	NumTransactions           Int    `xml:"numTransactions" tf:"-"`
	AnonymousCreditCardNumber String `xml:"anonymousCreditCardNumber" desc:"Only transactions paid with this anonymized credit card number."`
}

// Transaction is transData. Money amounts are in currency.
type Transaction struct {
	StationID                 String `xml:"stationID" desc:"Station identifier, \"CPNID:StationIdentifier\"."`
	StationName               String `xml:"stationName" desc:"Station name, \"ORGANIZATION / NAME\"."`
	StationMacAddr            String `xml:"stationMacAddr" desc:"Station MAC address."`
	PortNumber                Int    `xml:"portNumber" desc:"Port number (1-based); a number here, unlike in station data."`
	OrganizationName          String `xml:"organizationName" desc:"Organization that owns the station."`
	PricingRuleName           String `xml:"pricingRuleName" desc:"Pricing rule that priced the transaction."`
	TransactionType           String `xml:"transactionType" desc:"Session, Reservation, Reservation Cancel or Reservation Usage Addendum."`
	TransactionID             Int    `xml:"transactionID" desc:"Transaction ID."`
	Energy                    Float  `xml:"Energy" desc:"Energy delivered, kWh."`
	TransactionTime           Time   `xml:"transactionTime" desc:"When the transaction was recorded, RFC 3339."`
	StartTime                 Time   `xml:"startTime" desc:"Start of the session or reservation, RFC 3339."`
	EndTime                   Time   `xml:"endTime" desc:"End of the session or reservation, RFC 3339."`
	Currency                  String `xml:"Currency" desc:"ISO 4217 currency of the amounts, for example \"USD\"."`
	GrossAmount               Float  `xml:"grossAmount" desc:"Amount the driver paid."`
	FlexBillingServiceFee     Float  `xml:"flexBillingServiceFee" desc:"ChargePoint's flex billing service fee."`
	NetRevenue                Float  `xml:"netRevenue" desc:"Revenue to the station owner after fees."`
	ExchangeRateUSD           Float  `xml:"exchangeRateUSD" desc:"Exchange rate from currency to US dollars."`
	CompanyID                 String `xml:"companyID" desc:"Company ID of the station owner."`
	RecordNumber              Int    `xml:"recordNumber" desc:"Position of the transaction in ChargePoint's result set (1-based)."`
	AnonymousCreditCardNumber String `xml:"anonymousCreditCardNumber" desc:"Anonymized number of the credit card that paid."`
	TaxAmount                 Float  `xml:"taxAmount" desc:"Tax included in the amount."`
	NetAmount                 Float  `xml:"netAmount" desc:"Amount after tax."`
}

type getTransactionDataResponse struct {
	Result
	Transactions []Transaction `xml:"transactions>transactionData"`
	MoreFlag     Bool          `xml:"MoreFlag"` // capital M, beside <transactions>
}

// GetTransactionData returns every transaction matching q, following MoreFlag to the last page.
func (c *Client) GetTransactionData(ctx context.Context, q TransactionSearchRequest) ([]Transaction, error) {
	return opGetTransactionData.read(ctx, c, q)
}
