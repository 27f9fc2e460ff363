package cli

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"

	"github.com/spf13/cobra"
)

// profiling is for developers measuring whole runs (bench/run.sh and
// BENCHMARKS.md): --cpuprofile FILE writes a CPU profile of the command and
// --memprofile FILE a heap profile taken at its end. The flags are hidden
// from --help because users never need them.
type profiling struct {
	cpuPath, memPath string
	cpuFile          *os.File
}

func (p *profiling) addFlags(cmd *cobra.Command) {
	fl := cmd.PersistentFlags()
	fl.StringVar(&p.cpuPath, "cpuprofile", "", "write a CPU profile (pprof) of the command to FILE")
	fl.StringVar(&p.memPath, "memprofile", "", "write a heap profile (pprof) taken at the end of the command to FILE")
	_ = fl.MarkHidden("cpuprofile")
	_ = fl.MarkHidden("memprofile")
}

// defaultMemProfileRate is Go's own sampling rate for heap profiles, which
// cmd/cgcheck turns off unless --memprofile is given.
const defaultMemProfileRate = 512 * 1024

// start begins CPU profiling when asked to, and samples allocations from
// here on for --memprofile.
func (p *profiling) start() error {
	if p.memPath != "" && runtime.MemProfileRate == 0 {
		runtime.MemProfileRate = defaultMemProfileRate
	}
	if p.cpuPath == "" {
		return nil
	}
	f, err := os.Create(p.cpuPath)
	if err != nil {
		return usageError(fmt.Errorf("--cpuprofile: %w", err))
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return usageError(fmt.Errorf("--cpuprofile: %w", err))
	}
	p.cpuFile = f
	return nil
}

// stop ends CPU profiling and writes the heap profile; it runs however the
// command ended, so a failing run can be profiled too.
func (p *profiling) stop() error {
	if p.cpuFile != nil {
		pprof.StopCPUProfile()
		if err := p.cpuFile.Close(); err != nil {
			return fmt.Errorf("--cpuprofile: %w", err)
		}
		p.cpuFile = nil
	}
	if p.memPath == "" {
		return nil
	}
	f, err := os.Create(p.memPath)
	if err != nil {
		return fmt.Errorf("--memprofile: %w", err)
	}
	defer f.Close()
	runtime.GC() // up-to-date allocation statistics
	if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
		return fmt.Errorf("--memprofile: %w", err)
	}
	return f.Close()
}
