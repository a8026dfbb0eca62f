package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestCheckLoopback(t *testing.T) {
	for addr, ok := range map[string]bool{
		"127.0.0.1:0": true, "localhost:8080": true, "[::1]:0": true, "127.0.0.2:80": true,
		"0.0.0.0:0": false, ":8080": false, "192.168.1.5:0": false, "example.com:80": false, "nonsense": false,
	} {
		if err := checkLoopback(addr, false); (err == nil) != ok {
			t.Errorf("checkLoopback(%q) = %v", addr, err)
		}
	}
	if err := checkLoopback("0.0.0.0:0", true); err != nil {
		t.Errorf("-allow-remote: %v", err)
	}
}

func TestRunRefusesRemoteAndBadFlags(t *testing.T) {
	var out, errOut bytes.Buffer
	if err := run([]string{"-addr", "0.0.0.0:0"}, &out, &errOut); err == nil || !strings.Contains(err.Error(), "-allow-remote") {
		t.Errorf("non-loopback: %v", err)
	}
	if err := run([]string{"-password", ""}, &out, &errOut); err == nil {
		t.Error("empty password accepted")
	}
	if out.Len() != 0 {
		t.Errorf("printed %q before failing", out.String())
	}
}
