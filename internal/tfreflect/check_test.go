package tfreflect

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
)

type (
	misspelledOption struct {
		Name cpapi.String `xml:"name" tf:",requried" desc:"d"`
	}
	misspelledValidateKey struct {
		Power cpapi.Float `xml:"Power" validat:"between=0 500" desc:"d"`
	}
	misspelledDescKey struct {
		Power cpapi.Float `xml:"Power" dsec:"d"`
	}
	unknownRule struct {
		Name cpapi.String `xml:"name" validate:"oneOf=A B" desc:"d"`
	}
	ruleOnBool struct {
		Flag cpapi.Bool `xml:"flag" validate:"notempty" desc:"d"`
	}
	nonIntegerBound struct {
		Count cpapi.Int `xml:"count" validate:"between=0 1.5" desc:"d"`
	}
	plainTime struct {
		When time.Time `xml:"when" desc:"d"`
	}
	plainInt struct {
		Count int `xml:"count" desc:"d"`
	}
	stationIDOnNumber struct {
		Count cpapi.Int `xml:"count" validate:"stationid" desc:"d"`
	}
	stationIDOnNumbers struct {
		Counts []cpapi.Int `xml:"count" validate:"stationid" desc:"d"`
	}
	stationIDWithArgument struct {
		ID cpapi.String `xml:"stationID" validate:"stationid=1" desc:"d"`
	}
	floatList struct {
		Powers []cpapi.Float `xml:"power" desc:"d"`
	}
	scalarPointer struct {
		Name *cpapi.String `xml:"name" desc:"d"`
	}
	empty      struct{ Internal cpapi.String }
	holdsEmpty struct {
		Nested empty `xml:"nested" desc:"d"`
	}
	descButHidden struct {
		Name cpapi.String `xml:"name" desc:"d"`
		Note cpapi.String `xml:"-" desc:"looks like an attribute but has no tf name"`
	}
	badTFName struct {
		Name cpapi.String `xml:"name" tf:"stationName" desc:"d"`
	}
	duplicateName struct {
		A cpapi.String `xml:"stationID" desc:"d"`
		B cpapi.String `xml:"x" tf:"station_id" desc:"d"`
	}
	// badEmbedded hides its mistake one level down, in a flattened embedded struct.
	badEmbedded struct {
		misspelledOption
		Other cpapi.String `xml:"other" desc:"d"`
	}
	// badDeep hides its mistake in a list of nested objects.
	badDeep struct {
		Items []plainInt `xml:"items" desc:"d"`
	}
)

func TestCheckRejectsEachMistake(t *testing.T) {
	for _, tc := range []struct {
		typ  reflect.Type
		mode Mode
		want []string // every one must appear in the error
	}{
		{reflect.TypeFor[misspelledOption](), Input, []string{"tfreflect.misspelledOption.Name", `unknown tf option "requried"`}},
		{reflect.TypeFor[misspelledValidateKey](), Input, []string{"tfreflect.misspelledValidateKey.Power", `unknown tag key "validat"`}},
		{reflect.TypeFor[misspelledDescKey](), Output, []string{"tfreflect.misspelledDescKey.Power", `unknown tag key "dsec"`}},
		{reflect.TypeFor[unknownRule](), Input, []string{"tfreflect.unknownRule.Name", `validate rule "oneOf"`}},
		{reflect.TypeFor[ruleOnBool](), Input, []string{"tfreflect.ruleOnBool.Flag", "validate rules do not apply to cpapi.Bool"}},
		{reflect.TypeFor[nonIntegerBound](), Input, []string{"tfreflect.nonIntegerBound.Count", `"1.5" is not an integer`}},
		{reflect.TypeFor[plainTime](), Output, []string{"tfreflect.plainTime.When", "unsupported field type time.Time"}},
		{reflect.TypeFor[plainInt](), Output, []string{"tfreflect.plainInt.Count", "unsupported field type int"}},
		{reflect.TypeFor[floatList](), Output, []string{"tfreflect.floatList.Powers", "unsupported field type []cpapi.Float"}},
		{reflect.TypeFor[stationIDOnNumber](), Input, []string{"tfreflect.stationIDOnNumber.Count", `validate rule "stationid"`}},
		{reflect.TypeFor[stationIDOnNumbers](), Input, []string{"tfreflect.stationIDOnNumbers.Counts", `validate rule "stationid"`}},
		{reflect.TypeFor[stationIDWithArgument](), Input, []string{"tfreflect.stationIDWithArgument.ID", `validate rule "stationid" with 1 argument`}},
		{reflect.TypeFor[scalarPointer](), Output, []string{"tfreflect.scalarPointer.Name", "unsupported field type *cpapi.String"}},
		{reflect.TypeFor[empty](), Output, []string{"tfreflect.empty exposes no attributes"}},
		{reflect.TypeFor[holdsEmpty](), Input, []string{"tfreflect.holdsEmpty.Nested", "tfreflect.empty exposes no attributes"}},
		{reflect.TypeFor[descButHidden](), Output, []string{"tfreflect.descButHidden.Note", "is not an attribute"}},
		{reflect.TypeFor[badTFName](), Output, []string{"tfreflect.badTFName.Name", `"stationName" is not snake_case`}},
		{reflect.TypeFor[duplicateName](), Output, []string{"tfreflect.duplicateName.A", "tfreflect.duplicateName.B", "station_id"}},
		{reflect.TypeFor[badEmbedded](), Input, []string{"tfreflect.misspelledOption.Name", "requried"}},
		{reflect.TypeFor[badDeep](), Output, []string{"tfreflect.plainInt.Count", "unsupported field type int"}},
	} {
		t.Run(tc.typ.Name(), func(t *testing.T) {
			err := Check(tc.typ, tc.mode)
			if err == nil {
				t.Fatal("accepted")
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error does not mention %q:\n%v", w, err)
				}
			}
		})
	}
}

func TestCheckAcceptsGoodStructs(t *testing.T) {
	for _, tc := range []struct {
		typ  reflect.Type
		mode Mode
	}{
		{reflect.TypeFor[extended](), Output},
		{reflect.TypeFor[inner](), Input},
		{reflect.TypeFor[numbers](), Output},
		{reflect.TypeFor[stationQuery](), Input},
		{reflect.TypeFor[struct{}](), Input}, // a data source without arguments
	} {
		if err := Check(tc.typ, tc.mode); err != nil {
			t.Errorf("%s: %v", tc.typ, err)
		}
	}
	if err := Check(reflect.TypeFor[struct{}](), Output); err == nil {
		t.Error("an output type without attributes was accepted")
	}
}

// The schema builder panics on the same validate mistakes Check reports, naming the field, instead of
// dropping the validator.
func TestAttributesPanicOnUnknownRule(t *testing.T) {
	defer func() {
		r := recover()
		if r == nil || !strings.Contains(fmt.Sprint(r), "tfreflect.unknownRule.Name") {
			t.Errorf("recovered %v", r)
		}
	}()
	Attributes(reflect.TypeFor[unknownRule](), Input)
}

func TestCheckTag(t *testing.T) {
	for tag, want := range map[reflect.StructTag]string{
		`xml:"a" tf:"b,required" desc:"c" validate:"notempty"`: "",
		`xml:"a"  desc:"with \"quotes\""`:                      "",
		`xml:"a" desc:c`:                                       "malformed struct tag",
		`xml:"a" desc:"c`:                                      "malformed struct tag",
		`xml:"a" json:"a"`:                                     `unknown tag key "json"`,
		`xml:"a" xml:"b"`:                                      `tag key "xml" given twice`,
	} {
		err := checkTag(tag)
		if (want == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), want)) {
			t.Errorf("checkTag(`%s`) = %v, want %q", tag, err, want)
		}
	}
}
