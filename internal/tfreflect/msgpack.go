package tfreflect

import (
	"math"
	"math/big"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
)

// appendMsgpack appends to buf the MessagePack encoding of what Value(v) would return: the wire form of
// a tfprotov6.DynamicValue. It walks the Go value once with encoders planned per type, so a list of
// 50,000 stations costs no tftypes.Value tree. Non-finite numbers become null and are counted in nf
// (which may be nil) by attribute path, from path, the path at which v is found.
func appendMsgpack(buf []byte, v reflect.Value, nf *NonFinite, path []string) []byte {
	if !v.CanAddr() { // the encoders take the address of each scalar, to read it without a copy
		p := reflect.New(v.Type())
		p.Elem().Set(v)
		v = p.Elem()
	}
	e := encoder{buf: buf, nonFinite: nf, path: path}
	encoderFor(v.Type())(&e, v)
	return e.buf
}

type encoder struct {
	buf       []byte
	path      []string // attribute names down to the current value
	nonFinite *NonFinite
}

type encodeFunc func(e *encoder, v reflect.Value)

var encoderCache sync.Map // reflect.Type -> encodeFunc

func encoderFor(t reflect.Type) encodeFunc {
	if f, ok := encoderCache.Load(t); ok {
		return f.(encodeFunc) //nolint:forcetypeassert // the cache holds only encodeFuncs
	}
	// Reads run concurrently: two may build the same encoder, and the first one stored wins. Only a
	// complete encoder is ever stored (the cpapi types are not recursive).
	f, _ := encoderCache.LoadOrStore(t, newEncoder(t))
	return f.(encodeFunc) //nolint:forcetypeassert // the cache holds only encodeFuncs
}

func newEncoder(t reflect.Type) encodeFunc {
	switch t {
	case stringType:
		return nullableEncoder(t, func(e *encoder, v reflect.Value) { e.buf = appendString(e.buf, scalar[cpapi.String](v).Value) })
	case timeType:
		return nullableEncoder(t, func(e *encoder, v reflect.Value) { e.buf = appendString(e.buf, scalar[cpapi.Time](v).String()) })
	case dateType:
		return nullableEncoder(t, func(e *encoder, v reflect.Value) { e.buf = appendString(e.buf, scalar[cpapi.Date](v).String()) })
	case boolType:
		return nullableEncoder(t, func(e *encoder, v reflect.Value) { e.buf = appendBool(e.buf, scalar[cpapi.Bool](v).Value) })
	case intType:
		return nullableEncoder(t, func(e *encoder, v reflect.Value) { e.buf = appendInt(e.buf, scalar[cpapi.Int](v).Value) })
	case floatType:
		return nullableEncoder(t, func(e *encoder, v reflect.Value) {
			switch decimal, f, finite := e.nonFinite.number(*scalar[cpapi.Float](v), e.path); {
			case !finite:
				e.buf = append(e.buf, mpNil)
			case decimal != "":
				e.buf = appendDecimal(e.buf, decimal)
			default:
				e.buf = appendNumber(e.buf, f)
			}
		})
	}
	switch t.Kind() {
	case reflect.Slice:
		item := encoderFor(t.Elem())
		return func(e *encoder, v reflect.Value) {
			n := v.Len()
			e.buf = appendArrayLen(e.buf, n)
			for i := 0; i < n; i++ {
				item(e, v.Index(i))
			}
		}
	case reflect.Pointer:
		elem := encoderFor(t.Elem())
		return func(e *encoder, v reflect.Value) {
			if v.IsNil() {
				e.buf = append(e.buf, mpNil)
				return
			}
			elem(e, v.Elem())
		}
	}
	return structEncoder(t)
}

// nullableEncoder encodes a cpapi scalar (a Value and a Valid field): null when it is not valid, else write.
func nullableEncoder(t reflect.Type, write encodeFunc) encodeFunc {
	valid, _ := t.FieldByName("Valid")
	return func(e *encoder, v reflect.Value) {
		if !v.FieldByIndex(valid.Index).Bool() {
			e.buf = append(e.buf, mpNil)
			return
		}
		write(e, v)
	}
}

// scalar returns a pointer to the scalar v holds (v is addressable: appendMsgpack makes sure), to read
// it without copying it into an interface.
func scalar[T any](v reflect.Value) *T {
	p, _ := reflect.TypeAssert[*T](v.Addr())
	return p
}

// structEncoder writes an object: a map whose keys are the attribute names in sorted order, as
// terraform-plugin-go writes objects.
func structEncoder(t reflect.Type) encodeFunc {
	type attr struct {
		name   string
		key    []byte
		index  []int
		encode encodeFunc
	}
	var attrs []attr
	for _, f := range fields(t) {
		attrs = append(attrs, attr{name: f.name, key: appendString(nil, f.name), index: f.index, encode: encoderFor(f.typ)})
	}
	sort.Slice(attrs, func(i, j int) bool { return attrs[i].name < attrs[j].name })
	header := appendMapLen(nil, len(attrs))
	return func(e *encoder, v reflect.Value) {
		e.buf = append(e.buf, header...)
		for _, a := range attrs {
			e.buf = append(e.buf, a.key...)
			e.path = append(e.path, a.name)
			a.encode(e, v.FieldByIndex(a.index))
			e.path = e.path[:len(e.path)-1]
		}
	}
}

// MessagePack, as much of it as Terraform values need.
const (
	mpNil     = 0xc0
	mpFalse   = 0xc2
	mpTrue    = 0xc3
	mpFloat64 = 0xcb
)

func appendBool(b []byte, v bool) []byte {
	if v {
		return append(b, mpTrue)
	}
	return append(b, mpFalse)
}

// appendNumber writes a float64 the way terraform-plugin-go writes a number: an integer when it is one
// that fits int64, a float64 otherwise, and the decimal string for integers beyond int64.
func appendNumber(b []byte, f float64) []byte {
	if f == math.Trunc(f) {
		if f >= -(1<<63) && f < 1<<63 {
			return appendInt(b, int64(f))
		}
		return appendString(b, big.NewFloat(f).Text('f', -1))
	}
	b = append(b, mpFloat64)
	return appendUint64(b, math.Float64bits(f))
}

// appendDecimal writes a number given in plain decimal notation (cpapi.Float.Decimal): an integer when
// it is one that fits int64, else the decimal string, which Terraform parses at full precision, as it
// parses a literal. (A float64, which terraform-plugin-go writes when one is exact, would be held at 53
// bits of precision, so that sums over it round differently from sums over literals.)
func appendDecimal(b []byte, d string) []byte {
	if !strings.Contains(d, ".") {
		if i, err := strconv.ParseInt(d, 10, 64); err == nil {
			return appendInt(b, i)
		}
	}
	return appendString(b, d)
}

func appendInt(b []byte, i int64) []byte {
	switch {
	case i >= 0 && i <= 0x7f:
		return append(b, byte(i))
	case i < 0 && i >= -32:
		return append(b, byte(i))
	case i >= math.MinInt8 && i <= math.MaxInt8:
		return append(b, 0xd0, byte(i))
	case i >= math.MinInt16 && i <= math.MaxInt16:
		return append(b, 0xd1, byte(i>>8), byte(i))
	case i >= math.MinInt32 && i <= math.MaxInt32:
		return append(b, 0xd2, byte(i>>24), byte(i>>16), byte(i>>8), byte(i))
	}
	return appendUint64(append(b, 0xd3), uint64(i))
}

func appendUint64(b []byte, u uint64) []byte {
	return append(b, byte(u>>56), byte(u>>48), byte(u>>40), byte(u>>32), byte(u>>24), byte(u>>16), byte(u>>8), byte(u))
}

func appendString(b []byte, s string) []byte {
	n := len(s)
	switch {
	case n < 32:
		b = append(b, 0xa0|byte(n))
	case n <= math.MaxUint8:
		b = append(b, 0xd9, byte(n))
	case n <= math.MaxUint16:
		b = append(b, 0xda, byte(n>>8), byte(n))
	default:
		b = append(b, 0xdb, byte(n>>24), byte(n>>16), byte(n>>8), byte(n))
	}
	return append(b, s...)
}

func appendArrayLen(b []byte, n int) []byte {
	switch {
	case n < 16:
		return append(b, 0x90|byte(n))
	case n <= math.MaxUint16:
		return append(b, 0xdc, byte(n>>8), byte(n))
	}
	return append(b, 0xdd, byte(n>>24), byte(n>>16), byte(n>>8), byte(n))
}

func appendMapLen(b []byte, n int) []byte {
	switch {
	case n < 16:
		return append(b, 0x80|byte(n))
	case n <= math.MaxUint16:
		return append(b, 0xde, byte(n>>8), byte(n))
	}
	return append(b, 0xdf, byte(n>>24), byte(n>>16), byte(n>>8), byte(n))
}
