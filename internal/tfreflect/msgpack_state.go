package tfreflect

import (
	"fmt"
	"reflect"
	"slices"
	"sort"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// A data source's state is its configuration with what the read found filled in. Both functions below
// write it as MessagePack (the wire form of a tfprotov6.DynamicValue) without building a value tree:
// the Go values the read found are encoded directly (appendMsgpack), the configuration's values as
// terraform-plugin-go encodes them. Non-finite numbers become null and are counted in nf, by attribute
// path.

// AppendObjectMsgpack appends the state whose attribute output is the Go value out (a list data
// source's items), and whose other attributes are those of config (an object).
func AppendObjectMsgpack(buf []byte, config tftypes.Value, output string, out reflect.Value, nf *NonFinite) ([]byte, error) {
	return appendObjectMsgpack(buf, config, func(_ map[string]tftypes.Value, name string) (reflect.Value, bool) {
		return out, name == output
	}, nf)
}

// AppendItemObjectMsgpack appends the state whose attributes are those of config (an object), except
// those config leaves null: they are the attributes of the same name of item (a struct, a single data
// source's one item). An input the user set keeps its configured value.
func AppendItemObjectMsgpack(buf []byte, config tftypes.Value, item reflect.Value, nf *NonFinite) ([]byte, error) {
	if item.Kind() != reflect.Struct {
		return nil, fmt.Errorf("tfreflect: AppendItemObjectMsgpack needs a struct, got %s", item.Type())
	}
	index := map[string][]int{}
	for _, f := range fields(item.Type()) {
		index[f.name] = f.index
	}
	return appendObjectMsgpack(buf, config, func(attrs map[string]tftypes.Value, name string) (reflect.Value, bool) {
		i, ok := index[name]
		if !ok || !attrs[name].IsNull() {
			return reflect.Value{}, false
		}
		return item.FieldByIndex(i), true
	}, nf)
}

// appendObjectMsgpack writes the attributes of config's type in sorted order, as terraform-plugin-go
// writes objects: each one that found returns encoded from its Go value, the others as config has them
// (null when config lacks them).
func appendObjectMsgpack(buf []byte, config tftypes.Value, found func(attrs map[string]tftypes.Value, name string) (reflect.Value, bool), nf *NonFinite) ([]byte, error) {
	typ, ok := config.Type().(tftypes.Object)
	if !ok {
		return nil, fmt.Errorf("tfreflect: the configuration is a %s, not an object", config.Type())
	}
	var attrs map[string]tftypes.Value
	if err := config.As(&attrs); err != nil {
		return nil, err
	}
	names := make([]string, 0, len(typ.AttributeTypes))
	for name := range typ.AttributeTypes {
		names = append(names, name)
	}
	sort.Strings(names)
	buf = appendMapLen(buf, len(names))
	for _, name := range names {
		buf = appendString(buf, name)
		if v, ok := found(attrs, name); ok {
			buf = appendMsgpack(growFor(buf, v), v, nf, []string{name})
			continue
		}
		attrType := typ.AttributeTypes[name]
		v, ok := attrs[name]
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
	first := len(appendMsgpack(nil, out.Index(0), nil, nil))
	return slices.Grow(buf, first*out.Len()*5/4)
}
