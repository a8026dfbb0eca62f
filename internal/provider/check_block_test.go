package provider

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
)

// A failed `check` block is only a warning, which terraform-plugin-testing neither fails on nor exposes.
// Terraform does record every check block's result, with the assert's error_message as the problem,
// in the JSON of the plan and of the state (`checks`); expectCheckBlock asserts on that record, which is
// exactly what the CLI prints as "Warning: Check block assertion failed".
type expectCheckBlock struct {
	name    string             // the check block's name
	status  tfjson.CheckStatus // pass or fail
	message *regexp.Regexp     // must match the (only) problem message when status is fail
}

var (
	_ statecheck.StateCheck = expectCheckBlock{}
	_ plancheck.PlanCheck   = expectCheckBlock{}
)

func (e expectCheckBlock) CheckState(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	if req.State == nil {
		resp.Error = fmt.Errorf("no state to find check %s in", e.name)
		return
	}
	resp.Error = e.verify("state", req.State.Checks)
}

func (e expectCheckBlock) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	if req.Plan == nil {
		resp.Error = fmt.Errorf("no plan to find check %s in", e.name)
		return
	}
	resp.Error = e.verify("plan", req.Plan.Checks)
}

func (e expectCheckBlock) verify(where string, checks []tfjson.CheckResultStatic) error {
	for _, c := range checks {
		if c.Address.Kind != tfjson.CheckKindCheckBlock || c.Address.Name != e.name {
			continue
		}
		var problems []string
		for _, inst := range c.Instances {
			for _, p := range inst.Problems {
				problems = append(problems, p.Message)
			}
		}
		if c.Status != e.status {
			return fmt.Errorf("%s: check %s has status %s, want %s (problems: %q)", where, e.name, c.Status, e.status, problems)
		}
		switch {
		case e.status == tfjson.CheckStatusFail && (len(problems) != 1 || !e.message.MatchString(problems[0])):
			return fmt.Errorf("%s: check %s failed with %q, want one message matching %s", where, e.name, problems, e.message)
		case e.status == tfjson.CheckStatusPass && len(problems) != 0:
			return fmt.Errorf("%s: check %s passed but reports %s", where, e.name, strings.Join(problems, "; "))
		}
		return nil
	}
	return fmt.Errorf("%s: no result for check %s among %d checks", where, e.name, len(checks))
}
