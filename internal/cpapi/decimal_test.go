package cpapi

import (
	"math/big"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

func TestPlainDecimal(t *testing.T) {
	for in, want := range map[string]string{
		"1.50461": "1.50461", "7.2": "7.2", "17029": "17029", "0": "0", "-0.25": "-0.25", "0.5": "0.5",
		"+007.2500": "7.25", "7.0": "7", "-0.0": "0", "-0": "0", ".5": "0.5", "5.": "5", "00": "0",
		"1.5E3": "1500", "1e-7": "0.0000001", "-2.5e+2": "-250", "12.345e-1": "1.2345", "1E0": "1",
		"123.456e1": "1234.56", "0.000e5": "0",
		"NaN": "", "Inf": "", "-Infinity": "", "0x1p-2": "", "1e": "", "": "", ".": "", "1e401": "", "1.2.3": "",
	} {
		if got := plainDecimal(in); got != want {
			t.Errorf("plainDecimal(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestPlainDecimalKeepsTheValue checks, on random decimals in every notation, that the plain form is
// the same number at Terraform's precision and is itself plain.
func TestPlainDecimalKeepsTheValue(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 1))
	for range 20000 {
		s := randomDecimal(rng)
		got := plainDecimal(s)
		if got == "" {
			t.Fatalf("plainDecimal(%q) is empty", s)
		}
		if got != "0" && !isPlainDecimal(got) {
			t.Fatalf("plainDecimal(%q) = %q is not plain", s, got)
		}
		if a, b := parse512(t, s), parse512(t, got); a.Cmp(b) != 0 {
			t.Fatalf("plainDecimal(%q) = %q: %v != %v", s, got, a, b)
		}
	}
}

func randomDecimal(rng *rand.Rand) string {
	var b strings.Builder
	b.WriteString([]string{"", "-", "+"}[rng.IntN(3)])
	for range rng.IntN(6) {
		b.WriteByte(byte('0' + rng.IntN(10)))
	}
	if rng.IntN(3) > 0 {
		b.WriteByte('.')
		for range rng.IntN(8) {
			b.WriteByte(byte('0' + rng.IntN(10)))
		}
	}
	if b.Len() == 0 || strings.Trim(b.String(), "+-.") == "" {
		b.WriteByte('7')
	}
	if rng.IntN(4) == 0 {
		b.WriteString("e" + strconv.Itoa(rng.IntN(40)-20))
	}
	return b.String()
}

func parse512(t *testing.T, s string) *big.Float {
	t.Helper()
	f, _, err := big.ParseFloat(s, 10, 512, big.ToNearestEven)
	if err != nil {
		t.Fatalf("%q: %v", s, err)
	}
	return f
}

func TestFloatKeepsTheDecimalItWasSent(t *testing.T) {
	for in, want := range map[string]string{"1.504610": "1.50461", "22.624324": "22.624324", "1E-3": "0.001", "NaN": "", "INF": ""} {
		var f Float
		if err := f.UnmarshalText([]byte(in)); err != nil {
			t.Fatal(in, err)
		}
		if !f.Valid || f.Decimal() != want {
			t.Errorf("%q: Decimal() = %q (valid %v), want %q", in, f.Decimal(), f.Valid, want)
		}
		if want != "" && f.String() != want {
			t.Errorf("%q: String() = %q, want %q", in, f.String(), want)
		}
	}
	if d := FloatOf(0.1).Decimal(); d != "" {
		t.Errorf("FloatOf(0.1).Decimal() = %q, want none", d)
	}
	if d := (Float{}).Decimal(); d != "" {
		t.Errorf("null Decimal() = %q", d)
	}
}
