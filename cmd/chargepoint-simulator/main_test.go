package main

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"os/exec"
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

// TestHelpExitsZero runs the real main (in a child copy of this test binary) with -h and -help.
func TestHelpExitsZero(t *testing.T) {
	if args := os.Getenv("SIMULATOR_MAIN_ARGS"); args != "" {
		os.Args = append([]string{"chargepoint-simulator"}, strings.Fields(args)...)
		main()
		return
	}
	for _, args := range []string{"-h", "-help", "--help"} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelpExitsZero$")
		cmd.Env = append(os.Environ(), "SIMULATOR_MAIN_ARGS="+args)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Errorf("chargepoint-simulator %s: %v\n%s", args, err, out)
		}
		if !strings.Contains(string(out), "-stations") || strings.Contains(string(out), "chargepoint-simulator: flag: help requested") ||
			!strings.Contains(string(out), "fault=lost") || !strings.Contains(string(out), "op=NAME") {
			t.Errorf("chargepoint-simulator %s: want the usage, no error:\n%s", args, out)
		}
	}
	// A bad flag still exits non-zero.
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelpExitsZero$")
	cmd.Env = append(os.Environ(), "SIMULATOR_MAIN_ARGS=-no-such-flag")
	if out, err := cmd.CombinedOutput(); err == nil {
		t.Errorf("chargepoint-simulator -no-such-flag exited 0:\n%s", out)
	}
}

func TestRunRefusesBadFault(t *testing.T) {
	var out, errOut bytes.Buffer
	err := run([]string{"-fault", "fault=lost&op=addfleetvehicle"}, &out, &errOut)
	if err == nil || !strings.Contains(err.Error(), `unknown operation "addfleetvehicle"`) {
		t.Errorf("bad op: %v", err)
	}
	if err := run([]string{"-fault", "fault=status&then=stall"}, &out, &errOut); err == nil {
		t.Error("then= on fault=status accepted")
	}
	if out.Len() != 0 {
		t.Errorf("printed %q before failing", out.String())
	}
}

func TestExitCode(t *testing.T) {
	var stderr bytes.Buffer
	if exitCode(nil, &stderr) != 0 || exitCode(flag.ErrHelp, &stderr) != 0 || stderr.Len() != 0 {
		t.Errorf("success or help: non-zero or printed %q", stderr.String())
	}
	if exitCode(errors.New("boom"), &stderr) != 1 || !strings.Contains(stderr.String(), "chargepoint-simulator: boom") {
		t.Errorf("error: printed %q", stderr.String())
	}
}
