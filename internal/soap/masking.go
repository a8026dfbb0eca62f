package soap

import (
	"errors"
	"reflect"
	"strings"
)

// secretForms returns every form in which a secret may appear in an answer or an error: raw and
// XML/HTML-escaped (numeric or named quotes, '>' escaped or not), longest first so that a longer form
// is replaced before a raw form it contains.
func secretForms(secrets ...string) []string {
	seen := map[string]bool{}
	var forms []string
	add := func(s string) {
		if s != "" && !seen[s] {
			seen[s] = true
			forms = append(forms, s)
		}
	}
	for _, s := range secrets {
		if s == "" {
			continue
		}
		add(s)
		for _, quotes := range [][2]string{{"&#34;", "&#39;"}, {"&quot;", "&apos;"}, {"&#34;", "&apos;"}, {"&quot;", "&#39;"}, {`"`, `'`}} {
			for _, gt := range []string{"&gt;", ">"} {
				add(strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", gt, `"`, quotes[0], `'`, quotes[1],
					"\t", "&#x9;", "\n", "&#xA;", "\r", "&#xD;").Replace(s))
				add(strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", gt, `"`, quotes[0], `'`, quotes[1]).Replace(s))
			}
		}
	}
	// longest first
	for i := 1; i < len(forms); i++ {
		for j := i; j > 0 && len(forms[j]) > len(forms[j-1]); j-- {
			forms[j], forms[j-1] = forms[j-1], forms[j]
		}
	}
	return forms
}

// masker replaces every form of the credentials in a text by "***".
type masker struct{ forms []string }

func newMasker(secrets ...string) masker { return masker{forms: secretForms(secrets...)} }

func (m masker) mask(s string) string {
	for _, f := range m.forms {
		if strings.Contains(s, f) {
			s = strings.ReplaceAll(s, f, "***")
		}
	}
	return s
}

// MaskedError wraps an error leaving Client.Call whose text still held a credential once the string
// fields of the errors in its chain (the typed errors of this package, and the errors an Operation's
// Result returns) were masked in place: its text is the wrapped error's, masked. errors.As and
// errors.Is see through it.
type MaskedError struct {
	err error
	msg string
}

func (e *MaskedError) Error() string { return e.msg }
func (e *MaskedError) Unwrap() error { return e.err }

// maskError masks err: the one place every error leaving Call goes through.
func (m masker) maskError(err error) error {
	if err == nil || len(m.forms) == 0 {
		return err
	}
	var already *MaskedError
	if errors.As(err, &already) && already == err {
		return err
	}
	m.maskFields(err, 0)
	msg := err.Error()
	if masked := m.mask(msg); masked != msg { // text the fields did not hold (a transport error's, say)
		return &MaskedError{err: err, msg: masked}
	}
	return err // the fields held every secret: the error itself, so that callers may compare it

}

// maskFields masks, in place, the exported string fields of every pointer-to-struct error in err's
// chain (the typed errors carry the fault string, the response text, the page title).
func (m masker) maskFields(err error, depth int) {
	if err == nil || depth > 32 {
		return
	}
	v := reflect.ValueOf(err)
	if v.Kind() == reflect.Pointer && !v.IsNil() && v.Elem().Kind() == reflect.Struct {
		s := v.Elem()
		for i := range s.NumField() {
			f := s.Field(i)
			if f.Kind() == reflect.String && f.CanSet() {
				f.SetString(m.mask(f.String()))
			}
		}
	}
	switch u := err.(type) {
	case interface{ Unwrap() error }:
		m.maskFields(u.Unwrap(), depth+1)
	case interface{ Unwrap() []error }:
		for _, e := range u.Unwrap() {
			m.maskFields(e, depth+1)
		}
	}
}
