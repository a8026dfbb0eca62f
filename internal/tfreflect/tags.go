package tfreflect

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
)

// tagKeys lists the keys this package reads; any other key on a cpapi field is a typo (validat:, dsec:)
// that would silently drop a validator or a description.
var tagKeys = map[string]bool{"xml": true, "tf": true, "desc": true, "validate": true}

// checkTag parses every key of a struct tag, as reflect.StructTag.Lookup does, and reports a malformed
// tag, an unknown key or a key given twice.
func checkTag(tag reflect.StructTag) error {
	s := string(tag)
	seen := map[string]bool{}
	for {
		s = strings.TrimLeft(s, " ")
		if s == "" {
			return nil
		}
		i := 0
		for i < len(s) && s[i] > ' ' && s[i] != ':' && s[i] != '"' && s[i] != 0x7f {
			i++
		}
		if i == 0 || i+1 >= len(s) || s[i] != ':' || s[i+1] != '"' {
			return fmt.Errorf("malformed struct tag `%s` (want key:\"value\" pairs separated by spaces)", tag)
		}
		key := s[:i]
		s = s[i+1:]
		i = 1
		for i < len(s) && s[i] != '"' {
			if s[i] == '\\' {
				i++
			}
			i++
		}
		if i >= len(s) {
			return fmt.Errorf("malformed struct tag `%s` (unterminated value of %s)", tag, key)
		}
		if _, err := strconv.Unquote(s[:i+1]); err != nil {
			return fmt.Errorf("malformed struct tag `%s` (value of %s: %v)", tag, key, err)
		}
		s = s[i+1:]
		switch {
		case !tagKeys[key]:
			return fmt.Errorf("unknown tag key %q (known: xml, tf, desc, validate)", key)
		case seen[key]:
			return fmt.Errorf("tag key %q given twice", key)
		}
		seen[key] = true
	}
}
