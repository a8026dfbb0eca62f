package tfreflect

import (
	"errors"
	"fmt"
	"reflect"
)

// Check walks struct type t and every struct its attributes nest, and reports each mistake that would
// otherwise change the schema silently or panic later: an unknown tag key or tf option, a malformed
// tag, a validate rule that does not apply, a field type tfreflect cannot represent, a nested struct
// (or an Output type) without attributes, two fields with one Terraform name. Every message names the
// struct and the Go field. An Input type may have no attributes: a data source without arguments.
func Check(t reflect.Type, mode Mode) error {
	c := checker{done: map[reflect.Type]bool{}}
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return fmt.Errorf("tfreflect: %s is not a struct", t)
	}
	if n := c.checkStruct(t); n == 0 && mode == Output {
		c.fail("tfreflect: %s exposes no attributes (give its fields xml or tf names)", t)
	}
	return errors.Join(c.errs...)
}

type checker struct {
	done map[reflect.Type]bool
	errs []error
}

func (c *checker) fail(format string, args ...any) {
	c.errs = append(c.errs, fmt.Errorf(format, args...))
}

// checkStruct checks the fields of t and returns how many attributes t exposes.
func (c *checker) checkStruct(t reflect.Type) int {
	fs, errs := parseFields(t)
	if c.done[t] {
		return len(fs)
	}
	c.done[t] = true
	c.errs = append(c.errs, errs...)
	for _, f := range fs {
		k, err := classify(f.typ)
		if err != nil {
			c.fail("tfreflect: %s: %v", f.where, err)
			continue
		}
		if err := validateRules(f, k); err != nil {
			c.errs = append(c.errs, err)
		}
		if k == kindObject || k == kindObjectList {
			if nested := structType(f.typ); c.checkStruct(nested) == 0 {
				c.fail("tfreflect: %s: %s exposes no attributes (give its fields xml or tf names)", f.where, nested)
			}
		}
	}
	return len(fs)
}
