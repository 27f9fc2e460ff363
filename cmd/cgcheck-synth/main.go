// Command cgcheck-synth writes a synthetic registry of partnership
// descriptors for benchmarks and load tests:
//
//	go run ./cmd/cgcheck-synth -n 10000 -seed 1 -out DIR
//
// writes N descriptors (about 80% YAML, 20% JSON) under one folder per
// council area. The same flags always give byte-identical files. The
// registry is designed to be checked with --today 2008-10-01: across a few
// hundred files every per-document rule of catalogue v2 passes somewhere
// and gives each of its levels somewhere, each registry rule fires a few
// times, and about 1% of the files (-broken) are deliberately unreadable or
// break the schema. The files follow descriptor revision 2 (some areas and
// reporting lines are lists; outcome links use the 2007 national outcomes
// and the National Performance Framework).
//
// With -overlap the registry is overlap-heavy instead, as a real Community
// Planning landscape is, and every registry rule fires on most files (their
// worst case, for benchmarks):
//
//	go run ./cmd/cgcheck-synth -n 10000 -seed 1 -broken 0 -overlap -out DIR
//
// Every file still shows the per-document findings it is there for; without
// -overlap the files are byte-identical to those of earlier versions.
package main

import (
	"flag"
	"fmt"
	"os"

	"example.org/cgcheck/internal/synth"
)

func main() {
	fs := flag.NewFlagSet("cgcheck-synth", flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: cgcheck-synth [-n N] [-seed S] [-broken SHARE] [-json SHARE] [-overlap] -out DIR")
		fs.PrintDefaults()
	}
	n := fs.Int("n", 1000, "number of descriptor files")
	seed := fs.Uint64("seed", 1, "seed: the same seed gives byte-identical files")
	out := fs.String("out", "", "folder to write the registry to (created if missing)")
	broken := fs.Float64("broken", synth.DefaultBroken, "share of files deliberately broken (syntax error, unknown property, bad date); 0 for none")
	jsonShare := fs.Float64("json", synth.DefaultJSON, "share of files written as JSON; the rest are YAML")
	overlap := fs.Bool("overlap", false, "overlap-heavy registry, the registry rules' worst case: six Greater Glasgow and Clyde\n"+
		"council areas (15% of partnerships span two), popular client groups and outcome links shared\n"+
		"by many partnerships, a pool of officers each on many of them, and reporting chains 5-20\n"+
		"deep between descriptors (some reports_to lists) with about one cycle per 500 files")
	if err := fs.Parse(os.Args[1:]); err != nil {
		os.Exit(2)
	}
	if *out == "" || fs.NArg() > 0 {
		fs.Usage()
		os.Exit(2)
	}
	files, err := synth.Generate(synth.Options{N: *n, Seed: *seed, Broken: *broken, JSON: *jsonShare, Overlap: *overlap})
	if err != nil {
		fmt.Fprintln(os.Stderr, "cgcheck-synth:", err)
		os.Exit(2)
	}
	if err := synth.Write(*out, files); err != nil {
		fmt.Fprintln(os.Stderr, "cgcheck-synth:", err)
		os.Exit(1)
	}
	var yaml, json, bad, bytes int
	for _, f := range files {
		switch {
		case len(f.Path) > 5 && f.Path[len(f.Path)-5:] == ".json":
			json++
		default:
			yaml++
		}
		if f.Broken != "" {
			bad++
		}
		bytes += len(f.Data)
	}
	fmt.Printf("wrote %d descriptors to %s (%d YAML, %d JSON, %d deliberately broken; %d KB); check them with --today %s\n",
		len(files), *out, yaml, json, bad, bytes/1024, synth.Today)
}
