package cpapi

import (
	"context"
	"fmt"
	"net/http"
	"reflect"
	"testing"
	"time"
)

func TestGetTransactionDataRequestWithEveryFilter(t *testing.T) {
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) {
		write(w, 200, soapOK("getTransactionData", ok100+"<MoreFlag>0</MoreFlag>"))
	})
	pst := time.FixedZone("PST", -8*3600)
	q := TransactionSearchRequest{
		StationID: StringOf("1:81203"), StationName: StringOf("CHARGEPOINT / HQ 5"), StationMacAddr: StringOf("000D:6F00:0154:F1FC"),
		OrgID: StringOf("1:ORG00509"), OrganizationName: StringOf("ChargePoint"), PricingRuleName: StringOf("Employees"),
		TransactionType: StringOf("Reservation Usage Addendum"), TransactionID: IntOf(9000000001),
		FromTransactionTimeStamp: TimeOf(time.Date(2026, 1, 1, 0, 0, 0, 0, pst)), ToTransactionTimeStamp: TimeOf(time.Date(2026, 2, 1, 0, 0, 0, 0, pst)),
		CompanyID: StringOf("42"), AnonymousCreditCardNumber: StringOf("XXXX-XXXX-XXXX-4242"),
	}
	if _, err := fs.client(t).GetTransactionData(context.Background(), q); err != nil {
		t.Fatal(err)
	}
	body := validSearchQuery(t, fs) // transTypes enum, xsd:long ID and dateTimes checked by the schema
	want := `<urn:getTransactionData><searchQuery><stationID>1:81203</stationID><stationName>CHARGEPOINT / HQ 5</stationName>` +
		`<stationMacAddr>000D:6F00:0154:F1FC</stationMacAddr><orgID>1:ORG00509</orgID><organizationName>ChargePoint</organizationName>` +
		`<pricingRuleName>Employees</pricingRuleName><transactionType>Reservation Usage Addendum</transactionType>` +
		`<transactionID>9000000001</transactionID><fromTransactionTimeStamp>2026-01-01T08:00:00Z</fromTransactionTimeStamp>` +
		`<toTransactionTimeStamp>2026-02-01T08:00:00Z</toTransactionTimeStamp><companyID>42</companyID>` +
		`<startRecord>1</startRecord><numTransactions>500</numTransactions>` +
		`<anonymousCreditCardNumber>XXXX-XXXX-XXXX-4242</anonymousCreditCardNumber></searchQuery></urn:getTransactionData>`
	if body != want {
		t.Errorf("request body\n got %s\nwant %s", body, want)
	}
	checkSOAPActionOf(t, fs, "getTransactionData")
}

func TestGetTransactionDataDecodesMoney(t *testing.T) {
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) {
		write(w, 200, soapOK("getTransactionData", ok100+`<transactions><transactionData>
<stationID>1:81203</stationID><stationName>CHARGEPOINT / HQ 5</stationName><stationMacAddr>000D:6F00:0154:F1FC</stationMacAddr><portNumber>2</portNumber>
<organizationName>ChargePoint</organizationName><pricingRuleName>Employees</pricingRuleName><transactionType>Session</transactionType>
<transactionID>9000000001</transactionID><Energy>12.345</Energy><transactionTime>2026-01-15T18:42:07Z</transactionTime>
<startTime>2026-01-15T16:00:00Z</startTime><endTime>2026-01-15T18:40:00Z</endTime><Currency>USD</Currency><grossAmount>4.50</grossAmount>
<flexBillingServiceFee>0.45</flexBillingServiceFee><netRevenue>3.60</netRevenue><exchangeRateUSD>1.0</exchangeRateUSD><companyID>42</companyID>
<recordNumber>1</recordNumber><anonymousCreditCardNumber>XXXX-4242</anonymousCreditCardNumber><taxAmount>0.45</taxAmount><netAmount>4.05</netAmount>
</transactionData></transactions><MoreFlag>0</MoreFlag>`))
	})
	got, err := fs.client(t).GetTransactionData(context.Background(), TransactionSearchRequest{})
	if err != nil {
		t.Fatal(err)
	}
	at := func(s string) Time { v, _ := time.Parse(time.RFC3339, s); return TimeOf(v) }
	want := []Transaction{{
		StationID: StringOf("1:81203"), StationName: StringOf("CHARGEPOINT / HQ 5"), StationMacAddr: StringOf("000D:6F00:0154:F1FC"), PortNumber: IntOf(2),
		OrganizationName: StringOf("ChargePoint"), PricingRuleName: StringOf("Employees"), TransactionType: StringOf("Session"),
		TransactionID: IntOf(9000000001), Energy: sent("12.345"), TransactionTime: at("2026-01-15T18:42:07Z"),
		StartTime: at("2026-01-15T16:00:00Z"), EndTime: at("2026-01-15T18:40:00Z"), Currency: StringOf("USD"), GrossAmount: sent("4.5"),
		FlexBillingServiceFee: sent("0.45"), NetRevenue: sent("3.6"), ExchangeRateUSD: sent("1"), CompanyID: StringOf("42"),
		RecordNumber: IntOf(1), AnonymousCreditCardNumber: StringOf("XXXX-4242"), TaxAmount: sent("0.45"), NetAmount: sent("4.05"),
	}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("decoded\n got %+v\nwant %+v", got, want)
	}
}

// ChargePoint's paging flag for transactions is MoreFlag; a lower-case moreFlag is not it.
func TestGetTransactionDataReadsOnlyCapitalMoreFlag(t *testing.T) {
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) {
		write(w, 200, soapOK("getTransactionData", ok100+`<transactions><transactionData><transactionID>1</transactionID></transactionData></transactions><moreFlag>1</moreFlag>`))
	})
	got, err := fs.client(t).GetTransactionData(context.Background(), TransactionSearchRequest{})
	if err != nil || len(got) != 1 || len(fs.requests) != 1 {
		t.Fatalf("got %d transactions in %d calls, err %v", len(got), len(fs.requests), err)
	}
}

func TestGetTransactionDataNothingMatched(t *testing.T) {
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) { write(w, 200, soapOK("getTransactionData", ok100)) })
	got, err := fs.client(t).GetTransactionData(context.Background(), TransactionSearchRequest{StationID: StringOf("9:0")})
	if err != nil || len(got) != 0 {
		t.Fatalf("got %v, %v", got, err)
	}
}

var transactionsPaging = pagedOp[Transaction]{
	op: "getTransactionData", sizeElem: "numTransactions",
	item: func(n int) string {
		return fmt.Sprintf(`<transactionData><stationID>1:%d</stationID><portNumber>1</portNumber><transactionType>Session</transactionType>`+
			`<transactionID>%d</transactionID><Currency>USD</Currency><grossAmount>%d.25</grossAmount></transactionData>`, n, n, n)
	},
	page: func(items string, more bool) string {
		return "<transactions>" + items + "</transactions><MoreFlag>" + flag(more) + "</MoreFlag>"
	},
	fetch: func(c *Client) ([]Transaction, error) {
		return c.GetTransactionData(context.Background(), TransactionSearchRequest{})
	},
	id: func(t Transaction) string { return t.TransactionID.String() },
}

func TestGetTransactionDataPaging(t *testing.T) { checkPaging(t, transactionsPaging) }
func TestGetTransactionDataRepeatedPageStops(t *testing.T) {
	checkRepeatedPageStops(t, transactionsPaging)
}
