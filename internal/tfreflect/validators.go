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

func rules(f field) ([]rule, error) {
	var out []rule
	for _, part := range strings.Split(f.validate, ";") {
		if part = strings.TrimSpace(part); part == "" {
			continue
		}
		name, rawArgs, _ := strings.Cut(part, "=")
		args, err := splitArgs(rawArgs)
		if err != nil {
			return nil, fmt.Errorf("tfreflect: %s: validate rule %s: %w", f.where, name, err)
		}
		out = append(out, rule{name: name, args: args})
	}
	return out, nil
}

func badRule(f field, r rule) error {
	return fmt.Errorf("tfreflect: %s: validate rule %q with %d argument(s) does not apply to %s "+
		"(strings: oneof=A B, clock, notempty, stationid; numbers: between=LO HI, atleast=N; "+
		"lists: between=MIN MAX, notempty, and stationid for lists of strings)",
		f.where, r.name, len(r.args), f.typ)
}

func floats(f field, r rule) ([]float64, error) {
	out := make([]float64, len(r.args))
	for i, a := range r.args {
		v, err := strconv.ParseFloat(a, 64)
		if err != nil {
			return nil, fmt.Errorf("tfreflect: %s: validate rule %s: %q is not a number", f.where, r.name, a)
		}
		out[i] = v
	}
	return out, nil
}

func ints(f field, r rule) ([]int64, error) {
	out := make([]int64, len(r.args))
	for i, a := range r.args {
		v, err := strconv.ParseInt(a, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("tfreflect: %s: validate rule %s: %q is not an integer", f.where, r.name, a)
		}
		out[i] = v
	}
	return out, nil
}

// must turns a validate tag error into a panic while the schema is built; Check reports the same
// errors at test time, so a released provider never gets here.
func must[V any](vs []V, err error) []V {
	if err != nil {
		panic(err.Error())
	}
	return vs
}

// validateRules checks f's validate tag for the kind of attribute f becomes.
func validateRules(f field, k kind) error {
	var err error
	switch k {
	case kindString:
		_, err = stringValidators(f)
	case kindFloat:
		_, err = float64Validators(f)
	case kindInt:
		_, err = int64Validators(f)
	case kindStringList, kindIntList:
		_, err = listValidators(f)
	default: // bool and nested attributes take no validate rules
		if strings.TrimSpace(f.validate) != "" {
			err = fmt.Errorf("tfreflect: %s: validate rules do not apply to %s", f.where, f.typ)
		}
	}
	return err
}

func stringValidators(f field) ([]validator.String, error) {
	var vs []validator.String
	switch f.typ {
	case timeType:
		vs = append(vs, rfc3339Validator)
	case dateType:
		vs = append(vs, dateValidator)
	}
	rs, err := rules(f)
	if err != nil {
		return nil, err
	}
	for _, r := range rs {
		switch {
		case r.name == "oneof" && len(r.args) > 0:
			vs = append(vs, stringvalidator.OneOf(r.args...))
		case r.name == "clock" && len(r.args) == 0:
			vs = append(vs, stringvalidator.RegexMatches(clockPattern, "must be a time of day, HH:MM:SS"))
		case r.name == "notempty" && len(r.args) == 0:
			vs = append(vs, stringvalidator.LengthAtLeast(1))
		case r.name == "stationid" && len(r.args) == 0 && f.typ == stringType:
			vs = append(vs, stationIDValidator{})
		default:
			return nil, badRule(f, r)
		}
	}
	return vs, nil
}

func float64Validators(f field) ([]validator.Float64, error) {
	var vs []validator.Float64
	rs, err := rules(f)
	if err != nil {
		return nil, err
	}
	for _, r := range rs {
		a, err := floats(f, r)
		if err != nil {
			return nil, err
		}
		switch {
		case r.name == "between" && len(a) == 2:
			vs = append(vs, float64validator.Between(a[0], a[1]))
		case r.name == "atleast" && len(a) == 1:
			vs = append(vs, float64validator.AtLeast(a[0]))
		default:
			return nil, badRule(f, r)
		}
	}
	return vs, nil
}

func int64Validators(f field) ([]validator.Int64, error) {
	var vs []validator.Int64
	rs, err := rules(f)
	if err != nil {
		return nil, err
	}
	for _, r := range rs {
		a, err := ints(f, r)
		if err != nil {
			return nil, err
		}
		switch {
		case r.name == "between" && len(a) == 2:
			vs = append(vs, int64validator.Between(a[0], a[1]))
		case r.name == "atleast" && len(a) == 1:
			vs = append(vs, int64validator.AtLeast(a[0]))
		default:
			return nil, badRule(f, r)
		}
	}
	return vs, nil
}

func listValidators(f field) ([]validator.List, error) {
	var vs []validator.List
	rs, err := rules(f)
	if err != nil {
		return nil, err
	}
	for _, r := range rs {
		switch {
		case r.name == "between" && len(r.args) == 2: // number of elements
			a, err := ints(f, r)
			if err != nil {
				return nil, err
			}
			vs = append(vs, listvalidator.SizeBetween(int(a[0]), int(a[1])))
		case r.name == "notempty" && len(r.args) == 0:
			vs = append(vs, listvalidator.SizeAtLeast(1))
		case r.name == "stationid" && len(r.args) == 0 && f.typ.Elem() == stringType:
			vs = append(vs, stationIDValidator{})
		default:
			return nil, badRule(f, r)
		}
	}
	return vs, nil
}
