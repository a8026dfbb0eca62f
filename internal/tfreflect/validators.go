package tfreflect

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

var clockPattern = regexp.MustCompile(`^([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]$`)

// rule is one parsed `validate` tag entry, such as between=-90 90.
type rule struct {
	name string
	args []string
}

func rules(f field) []rule {
	var out []rule
	for _, part := range strings.Split(f.validate, ";") {
		if part = strings.TrimSpace(part); part == "" {
			continue
		}
		name, args, _ := strings.Cut(part, "=")
		out = append(out, rule{name: name, args: splitArgs(args)})
	}
	return out
}

func badRule(f field, r rule) string {
	return fmt.Sprintf("tfreflect: field %s: validate rule %q does not apply to %s", f.name, r.name, f.typ)
}

func floats(args []string) []float64 {
	out := make([]float64, len(args))
	for i, a := range args {
		v, err := strconv.ParseFloat(a, 64)
		if err != nil {
			panic(fmt.Sprintf("tfreflect: %q is not a number", a))
		}
		out[i] = v
	}
	return out
}

func stringValidators(f field) []validator.String {
	var vs []validator.String
	switch f.typ {
	case timeType:
		vs = append(vs, rfc3339Validator{})
	case dateType:
		vs = append(vs, dateValidator{})
	}
	for _, r := range rules(f) {
		switch r.name {
		case "oneof":
			vs = append(vs, stringvalidator.OneOf(r.args...))
		case "clock":
			vs = append(vs, stringvalidator.RegexMatches(clockPattern, "must be a time of day, HH:MM:SS"))
		case "notempty":
			vs = append(vs, stringvalidator.LengthAtLeast(1))
		default:
			panic(badRule(f, r))
		}
	}
	return vs
}

func float64Validators(f field) []validator.Float64 {
	var vs []validator.Float64
	for _, r := range rules(f) {
		a := floats(r.args)
		switch {
		case r.name == "between" && len(a) == 2:
			vs = append(vs, float64validator.Between(a[0], a[1]))
		case r.name == "atleast" && len(a) == 1:
			vs = append(vs, float64validator.AtLeast(a[0]))
		default:
			panic(badRule(f, r))
		}
	}
	return vs
}

func int64Validators(f field) []validator.Int64 {
	var vs []validator.Int64
	for _, r := range rules(f) {
		a := floats(r.args)
		switch {
		case r.name == "between" && len(a) == 2:
			vs = append(vs, int64validator.Between(int64(a[0]), int64(a[1])))
		case r.name == "atleast" && len(a) == 1:
			vs = append(vs, int64validator.AtLeast(int64(a[0])))
		default:
			panic(badRule(f, r))
		}
	}
	return vs
}

func listValidators(f field) []validator.List {
	var vs []validator.List
	for _, r := range rules(f) {
		a := floats(r.args)
		switch {
		case r.name == "between" && len(a) == 2: // number of elements
			vs = append(vs, listvalidator.SizeBetween(int(a[0]), int(a[1])))
		case r.name == "notempty":
			vs = append(vs, listvalidator.SizeAtLeast(1))
		default:
			panic(badRule(f, r))
		}
	}
	return vs
}
