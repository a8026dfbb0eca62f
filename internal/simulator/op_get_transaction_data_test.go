package simulator

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"testing"
	"time"
)

func transactionsPage(t *testing.T, url, inner string) (*tTransactionsResponse, []byte) {
	t.Helper()
	got, raw := call[tTransactionsResponse](t, url, "getTransactionData", query("getTransactionData", inner))
	if got.ResponseCode != "100" || got.Transactions == nil || got.MoreFlag == nil || got.Transactions.MoreFlag != nil {
		t.Fatalf("want 100 with <transactions> and a sibling MoreFlag\n%s", raw)
	}
	return got, raw
}

func allTransactions(t *testing.T, url, inner string, size int) (ids []string, pages int) {
	t.Helper()
	for start := 1; ; start += size {
		got, _ := transactionsPage(t, url, fmt.Sprintf("%s<startRecord>%d</startRecord><numTransactions>%d</numTransactions>", inner, start, size))
		pages++
		for i, tx := range got.Transactions.Data {
			if tx.RecordNumber != strconv.Itoa(start+i) {
				t.Fatalf("recordNumber %s at %d", tx.RecordNumber, start+i)
			}
			ids = append(ids, tx.TransactionID)
		}
		if *got.MoreFlag == "0" {
			return ids, pages
		}
		if len(got.Transactions.Data) != size {
			t.Fatalf("startRecord %d: %d transactions with MoreFlag 1", start, len(got.Transactions.Data))
		}
	}
}

func transactionIDs(s *Server, keep func(Transaction) bool) []string {
	var out []string
	for _, tx := range s.Transactions() {
		if keep(tx) {
			out = append(out, strconv.FormatInt(tx.ID, 10))
		}
	}
	return out
}

func TestGetTransactionDataSeedSession(t *testing.T) {
	s, url := startServer(t, Options{})
	var sess Session
	for _, x := range s.Sessions() {
		if x.StationID == "1:81203" && x.Energy == 12.120572 {
			sess = x
		}
	}
	got, raw := transactionsPage(t, url, "<transactionID>"+strconv.FormatInt(sess.TransactionID, 10)+"</transactionID>")
	if len(got.Transactions.Data) != 1 || *got.MoreFlag != "0" {
		t.Fatalf("got\n%s", raw)
	}
	if !bytes.Contains(raw, []byte("</transactions><MoreFlag>0</MoreFlag>")) {
		t.Errorf("MoreFlag is not the sibling after <transactions>\n%s", raw)
	}
	tx := got.Transactions.Data[0]
	// The seed station charges 1.50 per hour (minimum 0.50): 2h41m30s cost 4.04.
	want := tTransaction{
		StationID: "1:81203", StationName: "CHARGEPOINT / HQ 5", StationMacAddr: "000D:6F00:0154:2B8D", PortNumber: "1",
		OrganizationName: "ChargePoint", PricingRuleName: "ChargePoint Standard Rate", TransactionType: "Session",
		TransactionID: strconv.FormatInt(sess.TransactionID, 10), Energy: "12.120572",
		StartTime: "2026-11-14T16:05:11Z", EndTime: "2026-11-14T18:46:41Z", Currency: "USD",
		GrossAmount: "4.04", FlexBillingServiceFee: "0.40", NetRevenue: "3.64", ExchangeRateUSD: "1", CompanyID: "1",
		RecordNumber: "1", TaxAmount: "0.00", NetAmount: "4.04",
	}
	at := mustTime(t, tx.TransactionTime)
	if at.Before(sess.End) || at.After(sess.End.Add(3*time.Minute)) {
		t.Errorf("transactionTime %s, session ended %v", tx.TransactionTime, sess.End)
	}
	tx.TransactionTime = ""
	if tx != want {
		t.Errorf("transaction\n got %+v\nwant %+v", tx, want)
	}
}

func TestGetTransactionDataPaging(t *testing.T) {
	s, url := startServer(t, Options{})
	want := transactionIDs(s, func(Transaction) bool { return true })
	got, pages := allTransactions(t, url, "", 150)
	if !slices.Equal(got, want) || pages < 3 {
		t.Fatalf("%d transactions in %d pages, want %d", len(got), pages, len(want))
	}
}

func TestGetTransactionDataFilters(t *testing.T) {
	s, url := startServer(t, Options{})
	from, to := Now.Add(-5*24*time.Hour), Now.Add(-2*24*time.Hour)
	var card string
	for _, tx := range s.Transactions() {
		if tx.CreditCard != "" {
			card = tx.CreditCard
			break
		}
	}
	cases := []struct {
		name, inner string
		keep        func(Transaction) bool
	}{
		{"time window", "<fromTransactionTimeStamp>" + stamp(from) + "</fromTransactionTimeStamp><toTransactionTimeStamp>" + stamp(to) + "</toTransactionTimeStamp>",
			func(tx Transaction) bool { return !tx.Time.Before(from) && !tx.Time.After(to) }},
		{"credit card", "<anonymousCreditCardNumber>" + card + "</anonymousCreditCardNumber>", func(tx Transaction) bool { return tx.CreditCard == card }},
		{"company", "<companyID>4512</companyID>", func(tx Transaction) bool {
			st, _ := s.Dataset().Station(tx.StationID)
			return st.CompanyID == "4512"
		}},
		{"MAC address", "<stationMacAddr>000D:6F00:0154:2B8D</stationMacAddr>", func(tx Transaction) bool { return tx.StationID == "1:81203" }},
	}
	for _, c := range cases {
		want := transactionIDs(s, c.keep)
		if len(want) == 0 {
			t.Fatalf("%s: fixture matches nothing", c.name)
		}
		if got, _ := allTransactions(t, url, c.inner, 500); !slices.Equal(got, want) {
			t.Errorf("%s: got %v\nwant %v", c.name, got, want)
		}
	}
	// Nothing matched: 100, an empty <transactions>, MoreFlag 0.
	got, raw := transactionsPage(t, url, "<transactionType>Reservation</transactionType>")
	if len(got.Transactions.Data) != 0 || *got.MoreFlag != "0" || !bytes.Contains(raw, []byte("<transactions></transactions><MoreFlag>0</MoreFlag>")) {
		t.Errorf("nothing matched\n%s", raw)
	}
	expectFault(t, url, query("getTransactionData", "<transactionType>Refund</transactionType>"), "soapenv:Client", "Session")
	expectFault(t, url, query("getTransactionData", "<fromTimeStamp>2026-01-01T00:00:00Z</fromTimeStamp>"), "soapenv:Client", "fromTimeStamp")
}
