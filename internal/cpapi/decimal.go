package cpapi

import (
	"strconv"
	"strings"
)

// Decimal returns the number exactly as ChargePoint sent it, in plain decimal notation without
// redundant signs or zeros ("1.50461", "-0.25", "17029", "0.0000001" for "1E-7"). It is "" when the
// value is null, was built with FloatOf, or was not sent as a finite decimal (NaN, INF, hexadecimal):
// then Value is all there is.
func (f Float) Decimal() string {
	if !f.Valid {
		return ""
	}
	return f.decimal
}

// ParseFloat parses a decimal number as a response's element would be decoded, keeping its decimal.
func ParseFloat(s string) (Float, error) { return parseFloat(s) }

// maxDecimalExponent bounds the exponent that plainDecimal writes out in full ("1E-400" would be 400
// digits); a number beyond it keeps only its float64.
const maxDecimalExponent = 400

// plainDecimal rewrites a decimal number (a sign, digits with an optional point, an optional exponent)
// in plain notation: "+007.2500" → "7.25", "1.5E3" → "1500", "-0.0" → "0". Anything else gives "".
func plainDecimal(s string) string {
	if isPlainDecimal(s) {
		return s // the usual case, already plain: no copy
	}
	neg := false
	if s != "" && (s[0] == '+' || s[0] == '-') {
		neg, s = s[0] == '-', s[1:]
	}
	mantissa, exp := s, 0
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		e, err := strconv.Atoi(s[i+1:])
		if err != nil || e > maxDecimalExponent || e < -maxDecimalExponent {
			return ""
		}
		mantissa, exp = s[:i], e
	}
	whole, frac, _ := strings.Cut(mantissa, ".")
	if whole == "" && frac == "" || !allDigits(whole) || !allDigits(frac) {
		return ""
	}
	digits := whole + frac
	point := len(whole) + exp // where the point falls in digits
	lead := len(digits) - len(strings.TrimLeft(digits, "0"))
	digits, point = strings.TrimRight(digits[lead:], "0"), point-lead
	if digits == "" {
		return "0"
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	switch {
	case point <= 0:
		b.WriteString("0.")
		b.WriteString(strings.Repeat("0", -point))
		b.WriteString(digits)
	case point >= len(digits):
		b.WriteString(digits)
		b.WriteString(strings.Repeat("0", point-len(digits)))
	default:
		b.WriteString(digits[:point])
		b.WriteByte('.')
		b.WriteString(digits[point:])
	}
	return b.String()
}

// isPlainDecimal reports whether s is already what plainDecimal returns: an optional "-", an integer
// part without leading zeros, and an optional fraction without trailing zeros ("-0" is not).
func isPlainDecimal(s string) bool {
	if s != "" && s[0] == '-' {
		s = s[1:]
		if s == "0" {
			return false
		}
	}
	whole, frac, hasPoint := strings.Cut(s, ".")
	switch {
	case whole == "" || !allDigits(whole) || len(whole) > 1 && whole[0] == '0':
		return false
	case !hasPoint:
		return true
	}
	return frac != "" && allDigits(frac) && frac[len(frac)-1] != '0'
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
