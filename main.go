package main

import (
	"flag"
	"log"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/provider"
)

// `go generate ./...` regenerates docs/ from the schema, examples/ and templates/ by running
// `make docs`, so the two can't diverge (the Makefile builds tfplugindocs, and Terraform when PATH has
// none recent enough).
//go:generate make docs

// version is set by the release build (goreleaser ldflags).
var version = "dev"

func main() {
	var debug bool
	flag.BoolVar(&debug, "debug", false, "run the provider with support for debuggers like delve")
	flag.Parse()

	var opts []tf6server.ServeOpt
	if debug {
		opts = append(opts, tf6server.WithManagedDebug())
	}
	newServer := provider.NewServer(version)
	err := tf6server.Serve("registry.terraform.io/chargepoint-community/chargepoint", func() tfprotov6.ProviderServer {
		s, err := newServer()
		if err != nil {
			log.Fatal(err.Error())
		}
		return s
	}, opts...)
	if err != nil {
		log.Fatal(err.Error())
	}
}
