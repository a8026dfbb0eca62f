package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
)

func newTransactionsDataSource() datasource.DataSource {
	return &listDataSource[cpapi.TransactionSearchRequest, cpapi.Transaction]{
		name:      "transactions",
		operation: "getTransactionData",
		description: "Billing transactions of your stations (ChargePoint `getTransactionData`): what drivers paid for sessions " +
			"and reservations, the fees and your net revenue, by station, organization, type or time window " +
			"(`from_transaction_time_stamp`, `to_transaction_time_stamp`). Every page is read, so the list is complete; no match is an empty list.",
		output:     "transactions",
		outputDesc: "Matching transactions, sorted by `transaction_id`.",
		fetch:      (*cpapi.Client).GetTransactionData,
		sort: func(t []cpapi.Transaction) {
			cpapi.SortBy(t, func(t cpapi.Transaction) string { return t.TransactionID.String() })
		},
		configValidators: []datasource.ConfigValidator{timeWindow("from_transaction_time_stamp", "to_transaction_time_stamp")},
	}
}
