package tfreflect

import (
	"fmt"
	"reflect"
	"slices"
	"sort"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// AppendObjectMsgpack appends the MessagePack of an object of type typ whose attribute output is the Go
// value out, encoded directly (AppendMsgpack), and whose other attributes are the given tftypes values.
// This is how a data source's state is written without building a value tree for a large list.
func AppendObjectMsgpack(buf []byte, typ tftypes.Object, values map[string]tftypes.Value, output string, out reflect.Value, nf *NonFinite) ([]byte, error) {
	names := make([]string, 0, len(typ.AttributeTypes))
	for name := range typ.AttributeTypes {
		names = append(names, name)
	}
	sort.Strings(names)
	buf = appendMapLen(buf, len(names))
	for _, name := range names {
		buf = appendString(buf, name)
		if name == output {
			buf = appendMsgpackAt(growFor(buf, out), out, nf, []string{output})
			continue
		}
		attrType := typ.AttributeTypes[name]
		v, ok := values[name]
		if !ok {
			v = tftypes.NewValue(attrType, nil)
		}
		dv, err := tfprotov6.NewDynamicValue(attrType, v)
		if err != nil {
			return nil, fmt.Errorf("attribute %s: %w", name, err)
		}
		buf = append(buf, dv.MsgPack...)
	}
	return buf, nil
}

// growFor makes room in buf for the encoding of the list out, estimated from its first item, so that
// a large list is written into one allocation instead of a doubling series of copies.
func growFor(buf []byte, out reflect.Value) []byte {
	if out.Kind() != reflect.Slice || out.Len() < 2 {
		return buf
	}
	first := len(AppendMsgpack(nil, out.Index(0), new(NonFinite)))
	return slices.Grow(buf, first*out.Len()*5/4)
}

// CountNonFinite counts the NaN and ±Inf numbers in v, found at path, that Value turns into null, as
// AppendMsgpack does.
func CountNonFinite(v reflect.Value, path ...string) NonFinite {
	var nf NonFinite
	appendMsgpackAt(nil, v, &nf, path)
	return nf
}
