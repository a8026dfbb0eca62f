package simulator

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// responseCodes of the write operations. 172, 184 and 187 are ChargePoint's, observed with these
// texts (reference §3); 160 is getLoad's "not found", which the writes use for unknown IDs; 189 and
// 190 are the simulator's own (ChargePoint documents no code for an invalid value or a duplicate
// vehicle). See doc.go, "Assumed where the reference is silent".
const (
	codeMandatory = "172"
	textMandatory = "Please provide all the mandatory fields to make this call."

	codeClearShape = "184"
	textClearShape = "Enter either sgid or stationID"

	codeShedBoth = "187"
	textShedBoth = "Shed at either the group level or the station level, but not both"

	codeInvalidValue = "189"

	codeDuplicateVehicle = "190"
)

// textOneLimit is the 172 text when both limits or neither are given (the simulator's wording).
const textOneLimit = "Please provide either an allowed load or a percentage to shed, not both."

// codeError is a write operation's refusal: a responseCode and its text.
type codeError struct{ code, text string }

func mandatory() *codeError { return &codeError{codeMandatory, textMandatory} }

func notFound() *codeError { return &codeError{codeNoLoadData, textNoLoadData} }

func invalid(format string, args ...any) *codeError {
	return &codeError{codeInvalidValue, fmt.Sprintf(format, args...)}
}

// elementField keeps the element itself, for decoding once the request's shape is known.
func elementField(dst **element) fieldDecoder {
	return func(e *element, _ string) error {
		*dst = e
		return nil
	}
}

// given reports whether an element was sent with a value: the writes take an empty mandatory element
// for a missing one (code 172).
func given(v *string) bool { return v != nil && *v != "" }

var xsdDecimalRE = regexp.MustCompile(`^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$`)

// parseDecimal parses an optional xsd:decimal (nil when absent; an empty element is malformed).
func parseDecimal(v *string, path string) (*float64, error) {
	if v == nil {
		return nil, nil
	}
	if !xsdDecimalRE.MatchString(*v) {
		return nil, clientFault("%s: %q is not a valid xsd:decimal", path, *v)
	}
	f, err := strconv.ParseFloat(*v, 64)
	if err != nil {
		return nil, clientFault("%s: %q is not a valid xsd:decimal", path, *v)
	}
	return &f, nil
}

// parseInt parses an optional xsd:int (nil when absent; an empty element is malformed).
func parseInt(v *string, path string) (*int, error) {
	if v == nil {
		return nil, nil
	}
	n, err := strconv.ParseInt(*v, 10, 32)
	if err != nil {
		return nil, clientFault("%s: %q is not a valid integer (xsd:int)", path, *v)
	}
	i := int(n)
	return &i, nil
}

// parsePercent parses an optional percentShedRange: an xsd:int from 0 to 100.
func parsePercent(v *string, path string) (*int, error) {
	p, err := parseInt(v, path)
	if err != nil || p == nil {
		return p, err
	}
	if *p < 0 || *p > 100 {
		return nil, clientFault("%s: %d is outside percentShedRange (0 to 100)", path, *p)
	}
	return p, nil
}

// repeatedSequence decodes an xsd:sequence of repeatable leaves (e.g. chargePointCardSn*, mifareID*):
// each child one of names, in their order, holding text. It returns the values per name.
func repeatedSequence(e *element, path string, names ...string) (map[string][]string, error) {
	out := map[string][]string{}
	last := 0
	for _, c := range e.Children {
		i := -1
		for k, n := range names {
			if c.Name.Local == n && (c.Name.Space == "" || c.Name.Space == nsCP) {
				i = k
			}
		}
		switch {
		case i < 0:
			return nil, clientFault("unknown element %s in %s (expected %s)", describe(c.Name), path, strings.Join(names, ", "))
		case i < last:
			return nil, clientFault("element %s/%s is out of order (expected order: %s)", path, c.Name.Local, strings.Join(names, ", "))
		}
		last = i
		s, err := leafText(c, path+"/"+c.Name.Local)
		if err != nil {
			return nil, err
		}
		out[names[i]] = append(out[names[i]], strings.TrimSpace(s))
	}
	return out, nil
}

// formatDecimal writes an xsd:decimal without an exponent.
func formatDecimal(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func ptr[T any](v T) *T { return &v }
