# Every organization the API key has rights to, with its custom station groups.
data "chargepoint_organizations" "all" {}

locals {
  # Group names by organization, for example { "ChargePoint" = ["Campbell HQ", "Garage West", ...] }.
  groups_by_org = {
    for o in data.chargepoint_organizations.all.organizations :
    o.organization_name => [for g in o.groups : g.sg_name]
  }

  # The group hierarchy of every organization: child group IDs by parent group ID
  # (top-level groups have parent_group_id 0).
  child_groups = merge([
    for o in data.chargepoint_organizations.all.organizations : {
      for g in o.groups : tostring(g.sg_id) => [
        for c in o.groups : c.sg_id if c.parent_group_id == g.sg_id
      ]
    }
  ]...)
}

output "groups_by_org" {
  value = local.groups_by_org
}

output "child_groups" {
  value = local.child_groups
}

# Only the organization that owns a given group, with that group.
data "chargepoint_organizations" "owner_of_garage_west" {
  sg_name = "Garage West"
}

output "garage_west_owner" {
  value = one(data.chargepoint_organizations.owner_of_garage_west.organizations[*].organization_name)
}
