package tfreflect

import (
	"reflect"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Mode says whether a struct describes what the user sets or what the API returns.
type Mode int

const (
	// Input attributes are Optional (Required with tf:",required") and validated at plan time.
	Input Mode = iota
	// Output attributes are Computed.
	Output
)

// timeOutputNote ends the description of every timestamp the API returns.
const timeOutputNote = "Fractional seconds are kept as ChargePoint sent them (`…19.773Z` stays `…19.773Z`); a time sent without a zone is UTC."

// stationIDInputNote ends the description of every station ID input (validate:"stationid").
const stationIDInputNote = "A value that is not `<network>:<number>` (`1:81203`) is warned about at plan time."

// Attributes returns the data source schema attributes of struct type t.
func Attributes(t reflect.Type, mode Mode) map[string]schema.Attribute {
	attrs := map[string]schema.Attribute{}
	for _, f := range fields(t) {
		attrs[f.name] = attribute(f, mode)
	}
	return attrs
}

func attribute(f field, mode Mode) schema.Attribute {
	required := mode == Input && f.required
	optional := mode == Input && !f.required
	computed := mode == Output
	if f.typ == timeType && mode == Output {
		f.desc = strings.TrimSpace(f.desc + " " + timeOutputNote)
	}
	if mode == Input && hasRule(f, "stationid") {
		f.desc = strings.TrimSpace(f.desc + " " + stationIDInputNote)
	}
	switch kindOf(f.typ) {
	case kindString:
		return schema.StringAttribute{MarkdownDescription: f.desc, Required: required, Optional: optional, Computed: computed,
			Validators: must(stringValidators(f))}
	case kindFloat:
		return schema.Float64Attribute{MarkdownDescription: f.desc, Required: required, Optional: optional, Computed: computed,
			Validators: must(float64Validators(f))}
	case kindInt:
		return schema.Int64Attribute{MarkdownDescription: f.desc, Required: required, Optional: optional, Computed: computed,
			Validators: must(int64Validators(f))}
	case kindBool:
		return schema.BoolAttribute{MarkdownDescription: f.desc, Required: required, Optional: optional, Computed: computed}
	case kindStringList:
		return schema.ListAttribute{MarkdownDescription: f.desc, Required: required, Optional: optional, Computed: computed,
			ElementType: types.StringType, Validators: must(listValidators(f))}
	case kindIntList:
		return schema.ListAttribute{MarkdownDescription: f.desc, Required: required, Optional: optional, Computed: computed,
			ElementType: types.Int64Type, Validators: must(listValidators(f))}
	case kindObject:
		return schema.SingleNestedAttribute{MarkdownDescription: f.desc, Required: required, Optional: optional, Computed: computed,
			Attributes: Attributes(structType(f.typ), mode)}
	default: // kindObjectList
		return schema.ListNestedAttribute{MarkdownDescription: f.desc, Required: required, Optional: optional, Computed: computed,
			NestedObject: schema.NestedAttributeObject{Attributes: Attributes(structType(f.typ), mode)}}
	}
}
