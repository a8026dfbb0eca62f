package simulator

import "time"

// getTransactionData (5.1): billing transactions matching a getTransDataSearchRequest in transaction ID
// order (which is transaction time order), paged with startRecord and numTransactions (capped at
// MaxPageSize). The transactions are inside <transactions>, the capital MoreFlag is its sibling;
// nothing matched is 100 with an empty <transactions/> and MoreFlag 0.

type getTransactionDataResponse struct {
	ResponseCode string            `xml:"responseCode"`
	ResponseText string            `xml:"responseText,omitempty"`
	Transactions *wireTransactions `xml:"transactions"`
	MoreFlag     *int              `xml:"MoreFlag"`
}

// wireTransactions is transDataParams.
type wireTransactions struct {
	Data []wireTransaction `xml:"transactionData"`
}

// wireTransaction is transData; its portNumber is an xsd:int, unlike everywhere else.
type wireTransaction struct {
	StationID                 string `xml:"stationID"`
	StationName               string `xml:"stationName"`
	StationMacAddr            string `xml:"stationMacAddr"`
	PortNumber                int    `xml:"portNumber"`
	OrganizationName          string `xml:"organizationName"`
	PricingRuleName           string `xml:"pricingRuleName"`
	TransactionType           string `xml:"transactionType"`
	TransactionID             int64  `xml:"transactionID"`
	Energy                    string `xml:"Energy"`
	TransactionTime           string `xml:"transactionTime"`
	StartTime                 string `xml:"startTime"`
	EndTime                   string `xml:"endTime"`
	Currency                  string `xml:"Currency"`
	GrossAmount               string `xml:"grossAmount"`
	FlexBillingServiceFee     string `xml:"flexBillingServiceFee"`
	NetRevenue                string `xml:"netRevenue"`
	ExchangeRateUSD           string `xml:"exchangeRateUSD"`
	CompanyID                 string `xml:"companyID"`
	RecordNumber              int    `xml:"recordNumber"`
	AnonymousCreditCardNumber string `xml:"anonymousCreditCardNumber,omitempty"`
	TaxAmount                 string `xml:"taxAmount"`
	NetAmount                 string `xml:"netAmount"`
}

type transactionQuery struct {
	stations                  stationSearch
	StationMacAddr            *string
	PricingRuleName           *string
	TransactionType           *string
	TransactionID             *int64
	From, To                  *time.Time
	StartRecord, NumRecords   *int
	AnonymousCreditCardNumber *string
}

func (q *transactionQuery) fields() fields {
	st := &q.stations
	return fields{
		"stationID":                 stringField(&st.StationID),
		"stationName":               stringField(&st.Name),
		"stationMacAddr":            stringField(&q.StationMacAddr),
		"orgID":                     stringField(&st.OrgID),
		"organizationName":          stringField(&st.OrganizationName),
		"pricingRuleName":           stringField(&q.PricingRuleName),
		"transactionType":           enumStringField(&q.TransactionType, transactionTypes...),
		"transactionID":             longField(&q.TransactionID),
		"fromTransactionTimeStamp":  dateTimeField(&q.From),
		"toTransactionTimeStamp":    dateTimeField(&q.To),
		"companyID":                 stringField(&st.CompanyID),
		"startRecord":               intField(&q.StartRecord),
		"numTransactions":           intField(&q.NumRecords),
		"anonymousCreditCardNumber": stringField(&q.AnonymousCreditCardNumber),
	}
}

func (s *Server) getTransactionData(req *element) (any, error) {
	var q transactionQuery
	if err := requiredSearchQuery(req, q.fields()); err != nil {
		return nil, err
	}
	keep, code, text := s.activityStations(&q.stations)
	if code != "" {
		return &getTransactionDataResponse{ResponseCode: code, ResponseText: text}, nil
	}
	var hits []*Transaction
	txs := s.activity().transactions
	for i := range txs {
		t := &txs[i]
		st, _ := s.data.Station(t.StationID)
		if keep(t.StationID) && eqFold(q.StationMacAddr, st.MacAddr) && eqFold(q.PricingRuleName, t.PricingRuleName) &&
			eqFold(q.TransactionType, t.Type) && eqLong(q.TransactionID, t.ID) && inWindow(t.Time, q.From, q.To) &&
			eqFold(q.AnonymousCreditCardNumber, t.CreditCard) {
			hits = append(hits, t)
		}
	}
	resp := &getTransactionDataResponse{ResponseCode: codeSuccess, ResponseText: textSuccess, Transactions: &wireTransactions{}}
	first, last, ok := pageBounds(len(hits), s.maxPageSize, startOf(q.StartRecord), q.NumRecords)
	if !ok {
		resp.MoreFlag = moreFlag(false)
		return resp, nil
	}
	resp.MoreFlag = moreFlag(last < len(hits))
	for n := first; n <= last; n++ {
		t := hits[n-1]
		st, _ := s.data.Station(t.StationID)
		resp.Transactions.Data = append(resp.Transactions.Data, wireTransaction{
			StationID: st.ID, StationName: st.Name, StationMacAddr: st.MacAddr, PortNumber: t.PortNumber,
			OrganizationName: st.OrganizationName, PricingRuleName: t.PricingRuleName, TransactionType: t.Type,
			TransactionID: t.ID, Energy: formatEnergy(t.Energy), TransactionTime: formatDateTime(t.Time),
			StartTime: formatDateTime(t.Start), EndTime: formatDateTime(t.End), Currency: t.Currency,
			GrossAmount: formatMoney(t.GrossAmount), FlexBillingServiceFee: formatMoney(t.ServiceFee),
			NetRevenue: formatMoney(t.NetRevenue), ExchangeRateUSD: formatPlain(t.ExchangeRateUSD),
			CompanyID: st.CompanyID, RecordNumber: n, AnonymousCreditCardNumber: t.CreditCard,
			TaxAmount: formatMoney(t.TaxAmount), NetAmount: formatMoney(t.NetAmount),
		})
	}
	return resp, nil
}
