// Command chargepoint-simulator serves the ChargePoint Web Services API 5.1 simulator
// (internal/simulator) over HTTP, for demos and manual testing.
//
//	chargepoint-simulator -addr 127.0.0.1:8080 -url-file /tmp/cp-url
//
// It prints the endpoint URL on stdout (and writes it to -url-file once listening), logs one line per
// request on stderr, and stops cleanly on SIGINT or SIGTERM.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/simulator"
)

// The placeholders of ChargePoint's setup guide, used when neither a flag nor the environment gives
// credentials.
const (
	placeholderKey      = "0123456789abcdef0123456789abcdef0123456789abcdef0123456"
	placeholderPassword = "0123456789abcdef0123456789abcdef"
)

func main() {
	os.Exit(exitCode(run(os.Args[1:], os.Stdout, os.Stderr), os.Stderr))
}

// exitCode is 0 for success and for -h / -help (the flag package has printed the usage), else 1 with
// the error on stderr.
func exitCode(err error, stderr io.Writer) int {
	if err == nil || errors.Is(err, flag.ErrHelp) {
		return 0
	}
	fmt.Fprintln(stderr, "chargepoint-simulator:", err)
	return 1
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("chargepoint-simulator", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:0", "listen address (host:port; port 0 picks a free one)")
	allowRemote := fs.Bool("allow-remote", false, "allow a non-loopback -addr")
	key := fs.String("license-key", envOr("CHARGEPOINT_LICENSE_KEY", placeholderKey), "accepted API license key (WS-Security Username); default $CHARGEPOINT_LICENSE_KEY or the guide's placeholder")
	password := fs.String("password", envOr("CHARGEPOINT_PASSWORD", placeholderPassword), "accepted API password; default $CHARGEPOINT_PASSWORD or the guide's placeholder")
	stations := fs.Int("stations", simulator.DefaultStations, "generated stations in addition to the seed station")
	seed := fs.Int64("seed", simulator.DefaultSeed, "seed of the generated data set")
	maxPage := fs.Int("max-page-size", simulator.DefaultMaxPageSize, "largest page (numStations) served")
	urlFile := fs.String("url-file", "", "write the endpoint URL to this file once listening")
	faultSpec := fs.String("fault", "", "inject a fault into every answer (or those of op=), e.g. 'fault=status&status=503&retry_after=2&first=2' "+
		"(kinds: status, html, reset, stall, slow, server-fault, lost, nan, charset; see simulator.FaultSpec). "+
		"fault=lost handles the request (a write takes effect) and sends nothing back: then=reset (default) "+
		"resets the connection, then=stall keeps it silent until the client gives up. "+
		"op=NAME[,NAME] limits the fault to those operations, e.g. 'fault=lost&op=addFleetVehicle&first=1'. "+
		"A client can also name one per request in the endpoint URL: .../5.1?fault=reset&first=1")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	if err := checkLoopback(*addr, *allowRemote); err != nil {
		return err
	}
	if *key == "" || *password == "" {
		return errors.New("the license key and password must not be empty")
	}

	logger := log.New(stderr, "", log.LstdFlags)
	sim := simulator.New(simulator.Options{
		LicenseKey: *key, Password: *password,
		Stations: *stations, Seed: *seed, MaxPageSize: *maxPage,
		Logger: logger,
	})
	faults, err := simulator.NewFaultInjector(sim, *faultSpec)
	if err != nil {
		return err
	}
	defer faults.Close()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	url := "http://" + ln.Addr().String() + simulator.Path
	srv := &http.Server{Handler: faults, ReadHeaderTimeout: 10 * time.Second}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()

	if *urlFile != "" {
		if err := writeFileAtomic(*urlFile, url); err != nil {
			_ = srv.Close()
			return err
		}
		defer func() { _ = os.Remove(*urlFile) }()
	}
	if _, err := fmt.Fprintln(stdout, url); err != nil {
		_ = srv.Close()
		return err
	}
	logger.Printf("serving %d stations (seed %d) at %s", sim.Dataset().Len(), *seed, url)

	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	logger.Print("shutting down")
	faults.Close() // stalled answers end now rather than hold up the shutdown
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return err
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

func envOr(name, fallback string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return fallback
}

// checkLoopback refuses to listen beyond this machine unless allowed: the simulator accepts any
// caller that knows the (often placeholder) credentials.
func checkLoopback(addr string, allowRemote bool) error {
	if allowRemote {
		return nil
	}
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("-addr %q: %v", addr, err)
	}
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return nil
	}
	return fmt.Errorf("-addr %q is not a loopback address; pass -allow-remote to listen on it", addr)
}

// writeFileAtomic writes data to a temporary file next to path and renames it, so a script polling
// for path never reads a partial URL.
func writeFileAtomic(path, data string) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".chargepoint-simulator-url-*")
	if err != nil {
		return err
	}
	if _, err := tmp.WriteString(data); err != nil {
		_ = tmp.Close()
		_ = os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		_ = os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), path)
}
