package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
)

func newUsersDataSource() datasource.DataSource {
	return &listDataSource[cpapi.UsersSearchRequest, cpapi.User]{
		name:      "users",
		operation: "getUsers",
		description: "Drivers connected to or managed by your organization (ChargePoint `getUsers`): by name, user ID, " +
			"credential, connection or management realm status, or change time. Every page is read, so the list is complete; " +
			"no match is an empty list. The connection filter is `connection_filter` because Terraform reserves `connection`.",
		output:     "users",
		outputDesc: "Matching drivers, sorted by `user_id`.",
		fetch:      (*cpapi.Client).GetUsers,
		sort:       sortUsers,
	}
}

func sortUsers(users []cpapi.User) {
	cpapi.SortBy(users, func(u cpapi.User) string { return u.UserID.Value })
}
